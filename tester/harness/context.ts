import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeBytes } from '../expect/escape-bytes.js';
import { TcpConnection } from '../protocols/tcp/connection.js';
import { StageFailure } from './errors.js';
import type { Logger } from './log.js';
import { Program, type ProgramSpec } from './program.js';
import type { Random } from './random.js';
import { runToCompletion, type CompletedRun } from './run-to-completion.js';
import type { Challenge, StageEntry } from './stage.js';
import { Teardown } from './teardown.js';

/** What the runner knows about how to reach the program in this run. */
export interface ProgramTarget {
  spec: ProgramSpec;
  port: number;
  /** Whether to pass `--port N` (and PORT): only when the user chose the port (`--port`). */
  passPort: boolean;
  /** How long the program may take to start listening. */
  startTimeoutMs: number;
}

/**
 * Everything a stage test can do. Every resource it creates (programs, connections, temp dirs) is
 * registered for teardown, so stage code never cleans up after itself.
 */
export class StageContext {
  readonly host = '127.0.0.1';
  /** Programs started in this stage, newest last. */
  readonly programs: Program[] = [];
  private connectionCount = 0;

  constructor(
    readonly challenge: Challenge,
    readonly stage: StageEntry,
    readonly random: Random,
    readonly log: Logger,
    private readonly target: ProgramTarget,
    readonly teardown: Teardown,
  ) {}

  get port(): number {
    return this.target.port;
  }

  /** The program started last. */
  get program(): Program {
    const program = this.programs.at(-1);
    if (!program) throw new Error('stage bug: no program started yet (call t.startProgram() first)');
    return program;
  }

  /**
   * Starts the learner's program fresh, with `args` appended (after `--port N` when the port was chosen),
   * and waits until its port accepts connections. Stdin tracks (SQL) pass `waitForPort: false` and
   * `stdin: 'pipe'` to hold an interactive session through `program.write()` and `program.stdout`.
   */
  async startProgram(options: { args?: string[]; waitForPort?: boolean; stdin?: 'ignore' | 'pipe' } = {}): Promise<Program> {
    const args = [...this.portArgs(), ...(options.args ?? [])];
    this.log.info(`$ ${[this.target.spec.command, ...args].join(' ')}`);
    const program = Program.start(this.programSpec(), {
      args,
      stdin: options.stdin ?? 'ignore',
      onOutputLine: (line) => this.log.program(line),
    });
    this.programs.push(program);
    this.teardown.defer(async () => {
      await program.stop();
    });
    if (options.waitForPort ?? this.challenge.mode === 'server') {
      await program.waitForPort(this.port, this.target.startTimeoutMs, this.host);
      this.log.info(`Your program is listening on port ${this.port}.`);
    }
    return program;
  }

  /** Runs the program to completion with `stdin` as its input (the SQL track). */
  async runProgram(options: { args?: string[]; stdin: string | Buffer; timeoutMs: number }): Promise<CompletedRun> {
    return runToCompletion(this.programSpec(), {
      args: options.args ?? [],
      stdin: options.stdin,
      timeoutMs: options.timeoutMs,
      onOutputLine: (line) => this.log.program(line),
    });
  }

  /** A TCP connection to the program, logged under `[name]` (raw bytes with --debug). */
  async connect(name = `client-${++this.connectionCount}`, timeoutMs = 2000): Promise<TcpConnection> {
    const log = this.log.child(name);
    const connection = await TcpConnection.connect({
      host: this.host,
      port: this.port,
      name,
      timeoutMs,
      hooks: {
        onSend: (bytes) => log.debug(`→ ${escapeBytes(bytes, 2000)}`),
        onReceive: (bytes) => log.debug(`← ${escapeBytes(bytes, 2000)}`),
      },
    });
    this.teardown.defer(() => connection.destroy());
    return connection;
  }

  /** A fresh empty directory, removed after the stage. */
  async tempDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'byo-'));
    this.teardown.defer(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }

  /** Fails the stage with a message written for the learner. */
  fail(message: string, options: { reproduce?: string; hint?: string } = {}): never {
    throw new StageFailure(message, options);
  }

  private portArgs(): string[] {
    return this.target.passPort ? ['--port', String(this.port)] : [];
  }

  private programSpec(): ProgramSpec {
    const env: Record<string, string> = { ...this.target.spec.env };
    // Always set in server mode: a stray PORT in the learner's shell must not move their server.
    if (this.challenge.mode === 'server') env.PORT = String(this.port);
    return { ...this.target.spec, env };
  }
}
