import { StageFailure } from '../../tester/harness/errors.js';

/** The StageFailure a promise rejects with; anything else (success, another error) fails the test. */
export async function failure(promise: Promise<unknown>): Promise<StageFailure> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof StageFailure)) throw new Error(`expected a StageFailure, got ${String(error)}`);
  return error;
}
