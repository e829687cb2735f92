import { connect } from 'node:net';
import { execa, type ResultPromise } from 'execa';
import { StageFailure } from './errors.js';
import { OutputRelay } from './output-relay.js';
import { isGroupAlive, signalGroup, trackGroup, untrackGroup, waitForGroupExit } from './process-group.js';
import { describeExit, type ExitInfo } from './exit.js';

/** How to start the learner's program: byo.yml's `run`, in the project dir. */
export interface ProgramSpec {
  /** Shell command; arguments are appended as `"$@"`. */
  command: string;
  cwd: string;
  env?: Record<string, string>;
}

export interface StartOptions {
  args: string[];
  /** 'pipe' for programs driven through stdin (SQL); servers get no stdin. */
  stdin: 'ignore' | 'pipe';
  /** Receives each line of the program's output, for the transcript. */
  onOutputLine(line: string): void;
  /** Transcript bytes per stream before output is only counted. */
  showLimit?: number;
}

const RETRY_CONNECT_MS = 20;

/**
 * One run of the learner's program, in its own process group. Start it, wait for its port as an event
 * with a deadline, read its output, and stop it: SIGTERM to the whole group, then SIGKILL.
 */
export class Program {
  readonly pid: number;
  readonly stdout: OutputRelay;
  readonly stderr: OutputRelay;
  /** Settles when the program's top process exits (children may outlive it; `stop` kills them). */
  readonly exited: Promise<ExitInfo>;
  private exit: ExitInfo | undefined;

  private constructor(private readonly child: ResultPromise, options: StartOptions) {
    if (child.pid === undefined) throw new StageFailure('Could not start your program (no process id).');
    this.pid = child.pid;
    trackGroup(this.pid);
    const relay = () =>
      new OutputRelay({ onLine: options.onOutputLine, showLimit: options.showLimit ?? 64 * 1024, keepLimit: 8 * 1024 * 1024 });
    this.stdout = relay();
    this.stderr = relay();
    if (child.stdout) this.stdout.attach(child.stdout);
    if (child.stderr) this.stderr.attach(child.stderr);
    this.exited = child.then((result) => {
      this.exit = { code: result.exitCode ?? null, signal: (result.signal as NodeJS.Signals | undefined) ?? null, spawnError: spawnErrorOf(result) };
      return this.exit;
    });
  }

  static start(spec: ProgramSpec, options: StartOptions): Program {
    const child = execa('sh', ['-c', shellScript(spec.command), 'byo', ...options.args], {
      cwd: spec.cwd,
      env: spec.env,
      detached: true, // own process group: kill(-pid) reaches everything it starts
      stdin: options.stdin,
      stdout: 'pipe',
      stderr: 'pipe',
      buffer: false,
      reject: false,
      cleanup: false, // we kill the group ourselves (process-group.ts), execa would kill only the leader
      encoding: 'buffer',
    });
    // The program's stdin may close early (it exited): that is its business, not a grader crash.
    child.stdin?.on('error', () => undefined);
    return new Program(child, options);
  }

  /** The exit status, once the program has exited. */
  exitInfo(): ExitInfo | undefined {
    return this.exit;
  }

  /** Writes to the program's stdin (start with `stdin: 'pipe'`). */
  write(text: string | Buffer): void {
    this.child.stdin?.write(text);
  }

  endInput(): void {
    this.child.stdin?.end();
  }

  signal(signal: NodeJS.Signals): void {
    signalGroup(this.pid, signal);
  }

  /**
   * Resolves once `host:port` accepts a TCP connection. Fails precisely: the program exited first,
   * or the deadline passed. Connection attempts are retried every 20 ms; the exit is awaited as an event.
   */
  async waitForPort(port: number, timeoutMs: number, host = '127.0.0.1'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    while (Date.now() < deadline) {
      if (await canConnect(host, port, Math.min(1000, deadline - Date.now()))) return;
      const wait = await Promise.race([
        this.exited.then(() => 'exited' as const),
        new Promise<'retry'>((r) => setTimeout(() => r('retry'), RETRY_CONNECT_MS).unref()),
      ]);
      if (wait === 'exited' || exited) {
        // A program that listens then exits at once may still have answered: check one last time.
        throw new StageFailure(
          `Your program ${describeExit(this.exit)} before listening on port ${port}.\n` +
            `Check its output above (lines starting with [your_program]).`,
          { hint: exitHint(this.exit, port) },
        );
      }
    }
    const onV6 = await canConnect('::1', port, 500);
    throw new StageFailure(
      onV6
        ? `Your program listens on [::1]:${port} (IPv6 only), but the grader connects to 127.0.0.1:${port}. ` +
            `Listen on 0.0.0.0 or 127.0.0.1.`
        : `Your program did not start listening on port ${port} within ${Math.round(timeoutMs / 1000)} s ` +
            `(it is still running).`,
      { hint: `Make sure it listens on port ${port}, and prints errors instead of hanging.` },
    );
  }

  /**
   * Stops the whole group: SIGTERM, up to `graceMs` for the top process to exit, then SIGKILL for
   * everything left in the group (including children that ignored SIGTERM or outlived their parent).
   */
  async stop(graceMs = 2000): Promise<ExitInfo> {
    if (!this.exit && isGroupAlive(this.pid)) {
      signalGroup(this.pid, 'SIGTERM');
      await Promise.race([this.exited, new Promise((r) => setTimeout(r, graceMs).unref())]);
    }
    signalGroup(this.pid, 'SIGKILL');
    const info = await this.exited;
    await waitForGroupExit(this.pid, 2000);
    untrackGroup(this.pid);
    this.stdout.flush();
    this.stderr.flush();
    return info;
  }
}

/**
 * A simple command is `exec`ed so that signals reach the program itself and its exit code is the one
 * the grader sees. A compound command (`cd app && ./server`) keeps its shell; arguments go to its last part.
 */
export function shellScript(command: string): string {
  const isCompound = /[;&|<>()`$\n]/.test(command);
  return isCompound ? `${command} "$@"` : `exec ${command} "$@"`;
}

function canConnect(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), Math.max(timeoutMs, 1));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function spawnErrorOf(result: { failed?: boolean; cause?: unknown }): string | undefined {
  if (result.cause instanceof Error && 'code' in result.cause) return result.cause.message;
  return undefined;
}

function exitHint(exit: ExitInfo | undefined, port: number): string {
  if (exit?.code === 127) return 'Exit code 127 means the shell could not find the command: check `run:` in byo.yml.';
  if (exit?.code === 126) return 'Exit code 126 means the file is not executable: `chmod +x` it, or run it with `sh`.';
  if (exit?.code === 0) return `It finished instead of serving: keep accepting connections on port ${port} in a loop.`;
  return 'The last lines of its output usually say why.';
}
