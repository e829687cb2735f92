import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { challenge, reporterOptions, stages, summary } from './fixture.js';
import { describeSelection, pretty } from './pretty.js';
import type { Reporter } from './reporter.js';

const [bind, echo, getFile] = stages as [(typeof stages)[0], (typeof stages)[0], (typeof stages)[0]];
const [bindResult, echoResult, getFileResult] = summary.stages as [
  (typeof summary.stages)[0],
  (typeof summary.stages)[0],
  (typeof summary.stages)[0],
];

/** Plays a run the way the harness does: events in order, then the summary. */
async function play(reporter: Reporter): Promise<void> {
  reporter.onRunStart?.({ challenge, seed: 12345, stages: [bind, echo, getFile], target: '.' });
  reporter.onBuild?.({ command: './build.sh', phase: 'start' });
  reporter.onBuild?.({ command: './build.sh', phase: 'end', ok: true });
  reporter.onStageStart?.(bind);
  reporter.onLog?.({ stage: bind, level: 'info', text: '$ nc -z localhost 4221' });
  reporter.onLog?.({ stage: bind, level: 'program', text: '[your_program] \x1b[32mListening\x1b[0m on 4221' });
  reporter.onLog?.({ stage: bind, level: 'debug', text: '-> 0 bytes' });
  reporter.onLog?.({ stage: bind, level: 'success', text: 'Port 4221 is open' });
  reporter.onStageEnd?.(bindResult);
  reporter.onStageStart?.(echo);
  reporter.onLog?.({ stage: echo, level: 'info', text: '[client-1] $ curl -v http://localhost:4221/echo/banana' });
  reporter.onLog?.({ stage: echo, level: 'error', text: '[client-1] unexpected body' });
  reporter.onStageEnd?.(echoResult);
  reporter.onStageEnd?.(getFileResult);
  await reporter.onRunEnd?.(summary);
}

describe('pretty reporter', () => {
  it('streams a readable transcript and ends with the re-run line', async () => {
    const options = reporterOptions();
    await play(pretty(options));
    const out = options.captured();
    expect(out).not.toContain('\x1b');
    expect(out).toMatchInlineSnapshot(`
      "byo · http-server · seed 12345 · stages 1–3 of 5
      Building: ./build.sh

      Stage 1/5 · bind · Bind to a port
      [bind] $ nc -z localhost 4221
      [your_program] Listening on 4221
      [bind] Port 4221 is open
      ✓ passed (123 ms)

      Stage 2/5 · echo · Respond with a body
      [echo] [client-1] $ curl -v http://localhost:4221/echo/banana
      [echo] [client-1] unexpected body
      ✗ failed (1.2 s)
        Expected body "100% banana", got "50% banana" # halved

          - expected: 100% banana
          + received: 50% banana ]]>

      Stage 3 (get-file) not run: an earlier stage failed.

      1 passed, 1 failed, 3 not run · seed 12345 · 2.1 s
      Re-run just the failure: byo grade --seed 12345 --stages echo
      "
    `);
  });

  it('colors verdicts and shows debug lines only when asked', async () => {
    const options = reporterOptions({ color: true, debug: true });
    await play(pretty(options));
    const out = options.captured();
    expect(out).toContain('\x1b[32m✓ passed\x1b[39m');
    expect(out).toContain('\x1b[31m✗ failed\x1b[39m');
    expect(out).toContain('\x1b[2m[bind] \x1b[22m\x1b[90m-> 0 bytes\x1b[39m');
  });

  it('prints the build output when the build fails', () => {
    const options = reporterOptions();
    const reporter = pretty(options);
    reporter.onBuild?.({ command: 'cargo build', phase: 'start' });
    reporter.onBuild?.({ command: 'cargo build', phase: 'end', ok: false, output: 'error[E0425]\n --> src/main.rs:3' });
    expect(options.captured()).toBe('Building: cargo build\n✗ build failed\n  error[E0425]\n   --> src/main.rs:3\n');
  });

  it('writes to --output, creating its directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'byo-pretty-'));
    const output = join(dir, 'nested', 'run.txt');
    const options = reporterOptions({ output });
    await play(pretty(options));
    expect(options.captured()).toBe('');
    expect(await readFile(output, 'utf8')).toContain('Re-run just the failure: byo grade --seed 12345 --stages echo\n');
  });

  it('describes the selection', () => {
    expect(describeSelection([{ index: 3 }], 28)).toBe('stage 3 of 28');
    expect(describeSelection([{ index: 2 }, { index: 5 }], 28)).toBe('stages 2, 5 of 28');
    expect(describeSelection([], 28)).toBe('no stages of 28');
  });
});
