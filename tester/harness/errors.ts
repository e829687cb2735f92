/**
 * The three kinds of failure the CLI knows (changesets' error funnel): a stage verdict (exit 1),
 * a usage/config/build problem the user can fix (exit 2), and a grader bug (exit 2, "please report").
 */

/** The learner's program answered wrongly. `message` is the whole explanation, shown as is. */
export class StageFailure extends Error {
  /** A command that reproduces the failing check by hand (`curl -v ...`), shown under the message. */
  reproduce: string | undefined;
  /** One line of advice for the most likely cause. */
  hint: string | undefined;

  constructor(message: string, options: { reproduce?: string; hint?: string } = {}) {
    super(message);
    this.name = 'StageFailure';
    this.reproduce = options.reproduce;
    this.hint = options.hint;
  }
}

/** Flags, byo.yml or the build are wrong: exit 2 with text that says how to fix it. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Something the grader itself got wrong. Reported with "please report" and the version. */
export class InternalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InternalError';
  }
}

export function isStageFailure(error: unknown): error is StageFailure {
  return error instanceof StageFailure;
}
