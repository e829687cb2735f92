import type { RunSummary } from '../harness/stage.js';
import { renderStepSummary } from './github-summary.js';
import { failedStages } from './format.js';
import { appendReport, writeReport } from './output.js';
import type { ReporterFactory } from './reporter.js';

/**
 * GitHub Actions: an `::error` annotation per failed stage (shown on the run page and the PR), and a
 * markdown table appended to the job's step summary when the runner provides one.
 */
export function renderAnnotations(run: RunSummary): string {
  return failedStages(run)
    .map((stage) => `::error title=${escapeProperty(`byo ${stage.slug}`)}::${escapeData(stage.message)}\n`)
    .join('');
}

/** Workflow-command data: `%`, CR and LF are percent-encoded (`%` first, or the others double-encode). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally encode `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: ReporterFactory = (options) => ({
  async onRunEnd(summary) {
    await writeReport(options, renderAnnotations(summary));
    // The file exists and already holds earlier steps' sections: append, never overwrite.
    const stepSummary = options.env['GITHUB_STEP_SUMMARY'];
    if (stepSummary) await appendReport(stepSummary, renderStepSummary(summary));
  },
});
