import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { shouldColor } from '../tester/cli/io.js';
import { watchCommand } from '../tester/cli/watch.js';
import { captureIo } from './helpers/grade.js';
import { REPO } from './helpers/solutions.js';

const temps: string[] = [];
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

it('byo watch runs the current stage at start and again when a source file is saved', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'byo-watch-'));
  temps.push(dir);
  await cp(join(REPO, 'starters', 'http-server', 'python'), dir, { recursive: true });
  const io = captureIo(dir);
  const stop = new AbortController();
  const runs = () => io.out().split('Stage 1/28 · bind').length - 1;
  // The watcher prints "Ctrl-C to stop." as each run ends: wait for that event, `count` times.
  const waitForRuns = (count: number) =>
    io.waitForOutput((out) => out.split('Stage 1/28 · bind').length - 1 >= count && out.trimEnd().endsWith('Ctrl-C to stop.'), 30_000);
  const watching = watchCommand({ color: false, port: 'auto' }, io, stop.signal);
  await waitForRuns(1);
  expect(io.out()).toContain('✗ failed');
  await writeFile(join(dir, 'app', 'notes.py'), '# saved\n');
  await waitForRuns(2);
  stop.abort();
  expect(await watching).toBe(0);
  expect(runs()).toBe(2);
});

it.each([
  [{ isTTY: true, env: {} }, undefined, true],
  [{ isTTY: false, env: {} }, undefined, false],
  [{ isTTY: true, env: { NO_COLOR: '1' } }, undefined, false],
  [{ isTTY: false, env: { FORCE_COLOR: '1' } }, undefined, true],
  [{ isTTY: true, env: {} }, false, false],
  [{ isTTY: false, env: { NO_COLOR: '1' } }, true, true],
])('colors: %j with flag %s → %s', (terminal, flag, expected) => {
  const io = { ...captureIo(), env: terminal.env };
  Object.assign(io.stdout, { isTTY: terminal.isTTY });
  expect(shouldColor(io, flag)).toBe(expected);
});
