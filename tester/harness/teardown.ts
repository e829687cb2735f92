/**
 * An explicit teardown stack (tester-utils' RegisterTeardownFunc): resources are released newest first,
 * every step runs even when an earlier one throws, and the first error is reported, not swallowed.
 */
export class Teardown {
  private readonly steps: Array<() => unknown> = [];

  defer(step: () => unknown): void {
    this.steps.push(step);
  }

  async run(): Promise<unknown[]> {
    const errors: unknown[] = [];
    while (this.steps.length > 0) {
      const step = this.steps.pop() as () => unknown;
      try {
        await step();
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  }
}
