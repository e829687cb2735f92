import type { Challenge, RunSummary, StageEntry, StageResult } from '../harness/stage.js';

/** Where a reporter writes: a file path, or the process's stdout (`undefined`). */
export interface ReporterOptions {
  /** Write here instead of stdout. */
  output?: string;
  /** Colors allowed (only the pretty reporter uses them). */
  color: boolean;
  /** Also show raw bytes sent and received (`--debug`). */
  debug: boolean;
  /** The process's stdout, injected so tests can capture it. */
  stdout: NodeJS.WritableStream;
  /** Environment, injected so tests control `GITHUB_STEP_SUMMARY` and friends. */
  env: NodeJS.ProcessEnv;
}

export interface RunStart {
  challenge: Challenge;
  seed: number;
  /** The stages that will run, in order. */
  stages: StageEntry[];
  /** What is graded: a directory or a command. */
  target: string;
}

/** Transcript line as it is produced: the pretty reporter streams these live, others ignore them. */
export interface LogEvent {
  stage: StageEntry;
  level: 'info' | 'debug' | 'success' | 'error' | 'program';
  text: string;
}

/**
 * Reporters receive events and never parse logs (vitest's reporter shape). Every hook is optional;
 * `onRunEnd` is where file-based reporters write, and it is awaited before the process exits.
 */
export interface Reporter {
  onRunStart?(run: RunStart): void;
  onBuild?(event: { command: string; phase: 'start' | 'end'; output?: string; ok?: boolean }): void;
  onStageStart?(stage: StageEntry): void;
  onLog?(event: LogEvent): void;
  onStageEnd?(result: StageResult): void;
  onRunEnd?(summary: RunSummary): void | Promise<void>;
}

export type ReporterFactory = (options: ReporterOptions) => Reporter;
