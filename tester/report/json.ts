import type { RunSummary } from '../harness/stage.js';
import { reportAtEnd } from './output.js';
import type { ReporterFactory } from './reporter.js';

/**
 * The JSON report of DESIGN.md, field for field. Keys are picked explicitly so a field added to
 * `StageResult` for the harness's own use never changes this public format by accident.
 */
export function renderJson(run: RunSummary): string {
  const report = {
    challenge: run.challenge,
    seed: run.seed,
    stages: run.stages.map(({ index, slug, title, status, durationMs, message, log }) => ({
      index,
      slug,
      title,
      status,
      durationMs,
      message,
      log,
    })),
    summary: { passed: run.summary.passed, failed: run.summary.failed, skipped: run.summary.skipped },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

export const json: ReporterFactory = (options) => reportAtEnd(options, renderJson);
