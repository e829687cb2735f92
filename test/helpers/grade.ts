import { Writable } from 'node:stream';
import { gradeTarget, type GradeOptions } from '../../tester/cli/grade.js';
import type { Io } from '../../tester/cli/io.js';
import { resolveGradeTarget } from '../../tester/cli/target.js';
import type { RunSummary } from '../../tester/harness/stage.js';

/** An Io that keeps everything written, for in-process CLI runs. */
export interface CapturedIo extends Io {
  out(): string;
  err(): string;
  /** Resolves when `predicate(stdout so far)` holds, checked at every write; rejects at the deadline. */
  waitForOutput(predicate: (out: string) => boolean, timeoutMs: number): Promise<void>;
}

export function captureIo(cwd = process.cwd(), env: NodeJS.ProcessEnv = {}): CapturedIo {
  const chunks = { out: [] as string[], err: [] as string[] };
  const listeners = new Set<() => void>();
  const sink = (into: string[]) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        into.push(chunk.toString());
        for (const listener of [...listeners]) listener();
        callback();
      },
    });
  const out = () => chunks.out.join('');
  return {
    stdout: sink(chunks.out),
    stderr: sink(chunks.err),
    env: { ...env, NO_COLOR: '1' },
    cwd,
    out,
    err: () => chunks.err.join(''),
    waitForOutput: (predicate, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        const done = () => {
          listeners.delete(check);
          clearTimeout(timer);
        };
        const check = () => {
          if (!predicate(out())) return;
          done();
          resolve();
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`output never matched within ${timeoutMs} ms:\n${out()}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
  };
}

/** Grades a program dir (byo.yml) on a free port and returns the structured summary. */
export async function gradeDir(
  dir: string,
  options: Partial<Pick<GradeOptions, 'all' | 'until' | 'stages' | 'seed' | 'challenge' | 'run' | 'build'>> = {},
): Promise<RunSummary> {
  const io = captureIo();
  const target = await resolveGradeTarget({ dir, cwd: process.cwd(), challenge: options.challenge, run: options.run, build: options.build });
  return gradeTarget(target, { port: 'auto', seed: '20261124', color: false, reporterChoices: [], ...options }, io);
}

/** "3 passed · 2 failed (echo: ...)" — a one-line account for assertion messages. */
export function describeSummary(summary: RunSummary): string {
  return summary.stages
    .map((stage) => `${stage.index} ${stage.slug}: ${stage.status}${stage.status === 'failed' ? `\n${stage.message}\n${stage.log.slice(-15).join('\n')}` : ''}`)
    .join('\n');
}
