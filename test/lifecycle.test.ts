import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFreePort, isPortInUse } from '../tester/harness/port.js';
import { isGroupAlive } from '../tester/harness/process-group.js';
import { Program } from '../tester/harness/program.js';
import { runToCompletion } from '../tester/harness/run-to-completion.js';
import { failure } from './helpers/failure.js';

const programs = join(import.meta.dirname, 'programs');

/** Starts a hostile program on a free port, the way the harness does. */
async function start(name: string, lines: string[] = []) {
  const port = await findFreePort();
  const program = Program.start(
    { command: `node ${join(programs, name)}`, cwd: programs, env: { PORT: String(port) } },
    { args: [], stdin: 'ignore', onOutputLine: (line) => lines.push(line), showLimit: 4096 },
  );
  return { program, port };
}

describe('program lifecycle against hostile programs', () => {
  it('a program that exits at once: its exit code, before listening, within the deadline', async () => {
    const lines: string[] = [];
    const { program, port } = await start('exits-at-once.mjs', lines);
    const stageFailure = await failure(program.waitForPort(port, 10_000));
    expect(stageFailure.message).toContain(`Your program exited with code 3 before listening on port ${port}.`);
    await program.stop();
    expect(lines).toContain('panic: invalid port ""');
  });

  it('a program that never listens: a precise timeout, and it is killed afterwards', async () => {
    const { program, port } = await start('never-listens.mjs');
    const stageFailure = await failure(program.waitForPort(port, 700));
    expect(stageFailure.message).toBe(`Your program did not start listening on port ${port} within 1 s (it is still running).`);
    const exit = await program.stop(500);
    expect(exit.signal).toBe('SIGTERM');
    expect(isGroupAlive(program.pid)).toBe(false);
  });

  it('a program that ignores SIGTERM is killed with SIGKILL after the grace period', async () => {
    const { program, port } = await start('ignores-sigterm.mjs');
    await program.waitForPort(port, 10_000);
    const exit = await program.stop(300);
    expect(exit.signal).toBe('SIGKILL');
    expect(isGroupAlive(program.pid)).toBe(false);
    expect(await isPortInUse(port)).toBe(false);
  });

  it('a child that outlives its parent and keeps the port is killed with the whole group', async () => {
    const lines: string[] = [];
    const { program, port } = await start('forks-child.mjs', lines);
    await program.waitForPort(port, 10_000);
    await program.stop(1000);
    expect(isGroupAlive(program.pid)).toBe(false);
    expect(await isPortInUse(port)).toBe(false);
  });

  it('a program that floods its output: the transcript is capped and says how much was hidden', async () => {
    const lines: string[] = [];
    const { program, port } = await start('floods-output.mjs', lines);
    await program.waitForPort(port, 10_000);
    // Wait for the flood to pass the cap as an event: the relay reports each chunk.
    await new Promise<void>((resolve) => {
      const off = program.stdout.onData(() => {
        if (program.stdout.captured().length > 64 * 1024) {
          off();
          resolve();
        }
      });
    });
    await program.stop();
    const shown = lines.filter((line) => line.startsWith('xxx')).length;
    expect(shown).toBeLessThanOrEqual(4096 / 100 + 1);
    expect(lines.at(-1)).toMatch(/^… \d+ more bytes of output not shown \(limit 4096 bytes per stage\)$/);
    expect(isGroupAlive(program.pid)).toBe(false);
  });

  it('run-to-completion feeds stdin and returns stdout, stderr and the exit code', async () => {
    const lines: string[] = [];
    const result = await runToCompletion(
      { command: `node -e "process.stdin.on('data', d => process.stdout.write(String(d).toUpperCase())); process.stdin.on('end', () => { console.error('bye'); process.exit(4) })"`, cwd: programs },
      { args: [], stdin: 'select 1;\n', timeoutMs: 10_000, onOutputLine: (line) => lines.push(line) },
    );
    expect(result.stdout.toString()).toBe('SELECT 1;\n');
    expect(result.stderr.toString()).toBe('bye\n');
    expect(result.exit.code).toBe(4);
    expect(result.timedOut).toBe(false);
  });

  it('run-to-completion kills a program that never finishes, at the deadline', async () => {
    const result = await runToCompletion(
      { command: `node ${join(programs, 'never-listens.mjs')}`, cwd: programs },
      { args: [], stdin: '', timeoutMs: 300, onOutputLine: () => undefined },
    );
    expect(result.timedOut).toBe(true);
    expect(result.stdout.toString()).toContain('never listen');
  });
});
