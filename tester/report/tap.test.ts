import { describe, expect, it } from 'vitest';
import { reporterOptions, summary } from './fixture.js';
import { tap } from './tap.js';

describe('tap reporter', () => {
  it('renders a TAP 14 plan, test points and a YAML diagnostic', async () => {
    const options = reporterOptions();
    await tap(options).onRunEnd?.(summary);
    const out = options.captured();
    expect(out.split('\n').slice(0, 2)).toEqual(['TAP version 14', '1..3']);
    expect(out).toMatchInlineSnapshot(`
      "TAP version 14
      1..3
      ok 1 - bind: Bind to a port
      not ok 2 - echo: Respond with a body
        ---
        message: |-
          Expected body "100% banana", got "50% banana" # halved

            - expected: 100% banana
            + received: 50% banana ]]>
        seed: 12345
        log:
          - "[client-1] $ curl -v http://localhost:4221/echo/banana"
          - "[your_program] got GET /echo/banana"
        ...
      ok 3 - get-file: Return a file # SKIP Not run: an earlier stage failed.
      "
    `);
  });

  it('keeps only the last 20 log lines', async () => {
    const options = reporterOptions();
    const log = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    const [, failed] = summary.stages;
    await tap(options).onRunEnd?.({ ...summary, stages: [{ ...failed!, log }] });
    expect(options.captured()).not.toContain('line 10\n');
    expect(options.captured()).toContain('    - line 11\n');
    expect(options.captured()).toContain('    - line 30\n');
  });
});
