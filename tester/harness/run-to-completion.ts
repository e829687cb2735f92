import { Program, type ProgramSpec } from './program.js';
import type { ExitInfo } from './exit.js';

export interface CompletedRun {
  exit: ExitInfo;
  stdout: Buffer;
  stderr: Buffer;
  /** The program was still running at the deadline and was killed. */
  timedOut: boolean;
}

/**
 * Runs the program with `stdin` as its whole input and waits for it to exit (the SQL track's mode).
 * At the deadline the whole process group is killed and `timedOut` is set; the output so far is kept.
 */
export async function runToCompletion(
  spec: ProgramSpec,
  options: { args: string[]; stdin: string | Buffer; timeoutMs: number; onOutputLine(line: string): void },
): Promise<CompletedRun> {
  const program = Program.start(spec, { args: options.args, stdin: 'pipe', onOutputLine: options.onOutputLine });
  program.write(options.stdin);
  program.endInput();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
  });
  const outcome = await Promise.race([program.exited.then(() => 'exited' as const), deadline]);
  clearTimeout(timer);
  const exit = await program.stop(200);
  return { exit, stdout: program.stdout.captured(), stderr: program.stderr.captured(), timedOut: outcome === 'timeout' };
}
