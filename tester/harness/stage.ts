import type { StageContext } from './context.js';

/** One step of a challenge: a slug learners store in byo.yml, a title, and the test that checks it. */
export interface Stage {
  /** Public, permanent identifier (`echo`, `get-file`). Never renamed once released. */
  slug: string;
  /** Short imperative title shown in lists and reports ("Respond with a body"). */
  title: string;
  /** Upper bound for the whole stage, program start included. Defaults to the challenge's. */
  timeoutMs?: number;
  /** The test: imperative steps, declarative expectations. Throws StageFailure on a wrong answer. */
  run(t: StageContext): Promise<void>;
}

export function defineStage(stage: Stage): Stage {
  return stage;
}

/** A stage as it sits in its challenge: with its 1-based position and the path of its instructions. */
export interface StageEntry extends Stage {
  index: number;
  /** Absolute path of `NN-slug.md`. */
  instructionsPath: string;
}

export interface Challenge {
  slug: string;
  title: string;
  summary: string;
  /** Port the program listens on when the grader passes no `--port` (CodeCrafters and Protohackers conventions). */
  defaultPort: number | undefined;
  /** How the grader reaches the program: over a TCP port, or by running it to completion with stdin. */
  mode: 'server' | 'stdin';
  /** Default per-stage timeout. */
  stageTimeoutMs: number;
  /** Languages with a starter under `starters/<slug>/<lang>/`. */
  languages: string[];
  stages: StageEntry[];
}

export type StageStatus = 'passed' | 'failed' | 'skipped';

export interface StageResult {
  index: number;
  slug: string;
  title: string;
  status: StageStatus;
  durationMs: number;
  /** Why it failed (one paragraph, no colors), or why it was skipped; empty when passed. */
  message: string;
  /** The stage's transcript, one entry per line, no ANSI codes. */
  log: string[];
}

export interface RunSummary {
  challenge: string;
  seed: number;
  stages: StageResult[];
  summary: { passed: number; failed: number; skipped: number };
  durationMs: number;
}
