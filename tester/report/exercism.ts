import { stripVTControlCharacters } from 'node:util';
import type { RunSummary, StageResult } from '../harness/stage.js';
import { testName } from './format.js';
import { writeReport } from './output.js';
import type { ReporterFactory } from './reporter.js';

/** Exercism's test-runner interface, `results.json` version 3. */
export interface ExercismResults {
  version: 3;
  status: 'pass' | 'fail' | 'error';
  /** Required when `status` is `error`: the only thing the student sees, so the build output itself. */
  message?: string;
  tests: ExercismTest[];
}

export interface ExercismTest {
  name: string;
  status: 'pass' | 'fail' | 'error';
  message: string | null;
  /** What the student's program printed (never the grader's own lines), at most 500 characters. */
  output: string | null;
  test_code: string;
  task_id: number;
}

// The spec: "The output must be limited to 500 chars", truncating with this message.
const OUTPUT_LIMIT = 500;
const TRUNCATED = '\nOutput was truncated. Please limit to 500 chars';
const PROGRAM_PREFIX = '[your_program] ';

/** `programOutput` maps a stage index to its program lines; `buildError` is a failed build's output. */
export function renderExercism(
  run: RunSummary,
  programOutput: ReadonlyMap<number, string[]> = new Map(),
  buildError?: string,
): string {
  const tests = run.stages.map((stage) => toTest(stage, programOutput.get(stage.index) ?? []));
  const results: ExercismResults =
    buildError !== undefined
      ? { version: 3, status: 'error', message: buildError || 'The build failed.', tests }
      : { version: 3, status: tests.every((test) => test.status === 'pass') ? 'pass' : 'fail', tests };
  return `${JSON.stringify(results, null, 2)}\n`;
}

function toTest(stage: StageResult, programLines: string[]): ExercismTest {
  return {
    name: testName(stage),
    // Exercism has no "skipped": a stage that never ran is not done, and its message says why.
    status: stage.status === 'passed' ? 'pass' : 'fail',
    message: stage.status === 'passed' ? null : stage.message || null,
    output: truncateOutput(programLines.join('\n')),
    test_code: stage.title,
    task_id: stage.index,
  };
}

export function truncateOutput(output: string): string | null {
  if (output === '') return null;
  if (output.length <= OUTPUT_LIMIT) return output;
  return output.slice(0, OUTPUT_LIMIT - TRUNCATED.length) + TRUNCATED;
}

/** Collects the program's own lines as they stream (the spec wants user output only, not the transcript). */
export const exercism: ReporterFactory = (options) => {
  const programOutput = new Map<number, string[]>();
  let buildError: string | undefined;
  return {
    onBuild(event) {
      if (event.phase === 'end' && event.ok === false) buildError = event.output ?? '';
    },
    onLog(event) {
      if (event.level !== 'program') return;
      const text = stripVTControlCharacters(event.text);
      const line = text.startsWith(PROGRAM_PREFIX) ? text.slice(PROGRAM_PREFIX.length) : text;
      const lines = programOutput.get(event.stage.index) ?? [];
      lines.push(line);
      programOutput.set(event.stage.index, lines);
    },
    onRunEnd: (summary) => writeReport(options, renderExercism(summary, programOutput, buildError)),
  };
};
