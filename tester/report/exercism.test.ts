import { describe, expect, it } from 'vitest';
import { exercism, truncateOutput } from './exercism.js';
import { reporterOptions, stages, summary } from './fixture.js';

describe('exercism reporter', () => {
  it('writes results.json version 3 with the program output per test', async () => {
    const options = reporterOptions();
    const reporter = exercism(options);
    const [bind] = stages;
    reporter.onLog?.({ stage: bind!, level: 'info', text: '$ nc -z localhost 4221' });
    reporter.onLog?.({ stage: bind!, level: 'program', text: '[your_program] Listening on 4221' });
    await reporter.onRunEnd?.(summary);
    expect(options.captured()).toMatchInlineSnapshot(`
      "{
        "version": 3,
        "status": "fail",
        "tests": [
          {
            "name": "01 bind: Bind to a port",
            "status": "pass",
            "message": null,
            "output": "Listening on 4221",
            "test_code": "Bind to a port",
            "task_id": 1
          },
          {
            "name": "02 echo: Respond with a body",
            "status": "fail",
            "message": "Expected body \\"100% banana\\", got \\"50% banana\\" # halved\\n\\n  - expected: 100% banana\\r\\n  + received: 50% banana ]]>",
            "output": null,
            "test_code": "Respond with a body",
            "task_id": 2
          },
          {
            "name": "03 get-file: Return a file",
            "status": "fail",
            "message": "Not run: an earlier stage failed.",
            "output": null,
            "test_code": "Return a file",
            "task_id": 3
          }
        ]
      }
      "
    `);
  });

  it('passes only when every stage passed', async () => {
    const options = reporterOptions();
    const [passed] = summary.stages;
    await exercism(options).onRunEnd?.({ ...summary, stages: [passed!], summary: { passed: 1, failed: 0, skipped: 0 } });
    expect(JSON.parse(options.captured())).toMatchObject({ version: 3, status: 'pass' });
    expect(JSON.parse(options.captured())).not.toHaveProperty('message');
  });

  it('reports a failed build as an error with its output', async () => {
    const options = reporterOptions();
    const reporter = exercism(options);
    reporter.onBuild?.({ command: 'make', phase: 'end', ok: false, output: 'main.c:3: error' });
    await reporter.onRunEnd?.(summary);
    expect(JSON.parse(options.captured())).toMatchObject({ status: 'error', message: 'main.c:3: error' });
  });

  it('truncates output to 500 characters with the message the spec gives', () => {
    const truncated = truncateOutput('x'.repeat(600));
    expect(truncated).toHaveLength(500);
    expect(truncated?.endsWith('\nOutput was truncated. Please limit to 500 chars')).toBe(true);
    expect(truncateOutput('x'.repeat(500))).toHaveLength(500);
    expect(truncateOutput('')).toBeNull();
  });
});
