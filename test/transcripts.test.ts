import { join } from 'node:path';
import { describe, it } from 'vitest';
import { runCli } from '../tester/cli/run-cli.js';
import { captureIo } from './helpers/grade.js';
import { REPO } from './helpers/solutions.js';

/**
 * Golden transcripts: exactly what a learner sees (pretty reporter, no colors) for a passing run and the
 * classic failures, so any change to the wording shows up in review. `vitest -u` re-records them.
 * Ports, temp paths, durations and timing-dependent counts are normalized; everything else is fixed by the seed.
 */
const programs = join(REPO, 'test', 'programs');

const scenarios: Array<{ name: string; args: string[]; exitCode: number }> = [
  { name: 'reference-passes', args: [join(REPO, 'solutions', 'http-server', 'typescript'), '--until', 'get-file'], exitCode: 0 },
  { name: 'exits-at-once', args: ['--challenge', 'http-server', '--run', `node ${join(programs, 'exits-at-once.mjs')}`, '--all'], exitCode: 1 },
  { name: 'no-crlf', args: ['--challenge', 'http-server', '--run', `node ${join(programs, 'no-crlf.mjs')}`, '--until', 'echo'], exitCode: 1 },
  { name: 'wrong-content-length', args: ['--challenge', 'http-server', '--run', `node ${join(programs, 'wrong-content-length.mjs')}`, '--until', 'echo'], exitCode: 1 },
  { name: 'hangs', args: ['--challenge', 'http-server', '--run', `node ${join(programs, 'hangs.mjs')}`, '--until', 'respond-200'], exitCode: 1 },
  { name: 'redis-reference-passes', args: [join(REPO, 'solutions', 'redis', 'typescript'), '--until', 'echo'], exitCode: 0 },
  { name: 'redis-exits-at-once', args: ['--challenge', 'redis', '--run', `node ${join(programs, 'exits-at-once.mjs')}`, '--all'], exitCode: 1 },
  { name: 'redis-no-crlf', args: ['--challenge', 'redis', '--run', `node ${join(programs, 'redis-no-crlf.mjs')}`, '--until', 'echo'], exitCode: 1 },
  { name: 'redis-simple-not-bulk', args: ['--challenge', 'redis', '--run', `node ${join(programs, 'redis-simple-not-bulk.mjs')}`, '--until', 'echo'], exitCode: 1 },
  { name: 'never-listens', args: ['--challenge', 'http-server', '--run', `node ${join(programs, 'never-listens.mjs')}`, '--until', 'bind'], exitCode: 1 },
];

/** What varies between runs of the same seed: the machine's paths, ports and clock. */
export function normalize(text: string): string {
  return text
    .split(REPO)
    .join('<repo>')
    .replace(/\/tmp\/byo-[A-Za-z0-9]+/g, '/tmp/byo-<tmp>')
    .replace(/(localhost:|localhost |127\.0\.0\.1:|port |--port |-p )\d{2,5}\b/g, '$1<port>')
    .replace(/\((\d+(\.\d+)?) (ms|s)\)/g, '(<time>)')
    .replace(/· \d+(\.\d+)? (ms|s)$/gm, '· <time>')
    .replace(/bytes after \d+ ms/g, 'bytes after <n> ms')
    // The program's "listening" line races the grader's own "is listening" line: its position is not fixed.
    .replace(/^\[your_program\] listening on .*\n/gm, '');
}

describe.concurrent('golden transcripts', () => {
  // Concurrent tests must use their own `expect` for snapshots.
  it.for(scenarios)('$name', async ({ name, args, exitCode }, { expect }) => {
    const io = captureIo(REPO);
    const code = await runCli(['grade', ...args, '--port', 'auto', '--seed', '424242'], io);
    expect(code, io.out() + io.err()).toBe(exitCode);
    await expect(normalize(io.out() + io.err())).toMatchFileSnapshot(join('transcripts', `${name}.txt`));
  });
});
