/**
 * The Redis track's vocabulary for stage tests: a logged client and declarative reply expectations.
 * Wire strictness lives in tester/protocols/resp; this module only phrases it for the stages.
 */
import { escapeBytes } from '../../../tester/expect/escape-bytes.js';
import { hintFor } from '../../../tester/expect/hints.js';
import type { StageContext } from '../../../tester/harness/context.js';
import { InternalError, StageFailure } from '../../../tester/harness/errors.js';
import { RespClient, type SendOptions } from '../../../tester/protocols/resp/client.js';
import { encodeCommand } from '../../../tester/protocols/resp/encode.js';
import type { RespExpectation } from '../../../tester/protocols/resp/expect.js';
import { commandLabel } from '../../../tester/protocols/resp/redis-cli.js';
import { type RespValue, formatValue } from '../../../tester/protocols/resp/value.js';

export {
  array,
  bulk,
  errorMatching,
  errorText,
  integer,
  integerBetween,
  nullArray,
  nullBulk,
  simpleString,
  unorderedArray,
} from '../../../tester/protocols/resp/expect.js';
export type { RespExpectation } from '../../../tester/protocols/resp/expect.js';
export type { RespValue } from '../../../tester/protocols/resp/value.js';

const READ_TIMEOUT_MS = 5000;

/** The connection's generic advice, which a stage's own hint replaces (a specific diagnosis is kept). */
const GENERIC_HINTS = new Set(['EOF', 'ECONNRESET', 'EPIPE'].map(hintFor));

/**
 * Gives a failure the stage's hint unless it already carries a specific one (a mismatch's own hint,
 * "closed after answering the previous command"): the narrower diagnosis is the more useful.
 */
function withHint(error: unknown, hint: string | undefined): unknown {
  if (error instanceof StageFailure && hint && (error.hint === undefined || GENERIC_HINTS.has(error.hint))) error.hint = hint;
  return error;
}

/** `← "hey"`, with an array's later lines under its first. */
function replyLine(value: RespValue): string {
  return `← ${formatValue(value).replace(/\n/g, '\n  ')}`;
}

export class RedisTestClient {
  private readonly openedAt = Date.now();

  private constructor(
    readonly name: string,
    readonly resp: RespClient,
    private readonly log: StageContext['log'] | undefined,
  ) {}

  /** Connects to the program; `quiet` clients (load stages) log nothing per command. */
  static async open(t: StageContext, name?: string, options: { quiet?: boolean; connectTimeoutMs?: number } = {}): Promise<RedisTestClient> {
    const connection = await t.connect(name, options.connectTimeoutMs ?? 2000);
    const log = options.quiet ? undefined : t.log.child(connection.name);
    const resp = new RespClient(connection, {
      port: t.port,
      timeoutMs: READ_TIMEOUT_MS,
      hooks: {
        onCommand: (args, reproduce) => log?.info(reproduce ? `$ ${reproduce}` : `  (pipelined) ${commandLabel(args)}`),
        onRaw: (_bytes, reproduce) => log?.info(`$ ${reproduce}`),
        onReply: (value) => log?.info(replyLine(value)),
      },
    });
    return new RedisTestClient(connection.name, resp, log);
  }

  /** Sends a command, reads one reply, checks it, and checks nothing else arrived. Failures carry the replay line and `hint`. */
  async expectReply(
    command: (string | Buffer)[],
    expected: RespExpectation,
    options: { pieces?: 'bytewise' | number[]; gapMs?: number; timeoutMs?: number; hint?: string } = {},
  ): Promise<RespValue> {
    if (this.resp.unanswered > 0) {
      throw new InternalError(`expectReply() needs every earlier reply read first; ${this.resp.unanswered} are unread (stage bug)`);
    }
    const { pieces, gapMs, hint } = options;
    const sending = this.resp.command(command, { pieces, gapMs, timeoutMs: options.timeoutMs ?? READ_TIMEOUT_MS });
    this.logPieces(command, options);
    const reply = await sending.catch((error: unknown) => {
      throw withHint(error, hint);
    });
    this.expectValue(reply, expected, commandLabel(command), hint);
    try {
      this.resp.expectNoUnreadBytes();
    } catch (error) {
      throw withHint(error, hint);
    }
    return reply;
  }

  async send(command: (string | Buffer)[], options: SendOptions = {}): Promise<void> {
    const sending = this.resp.send(command, options);
    this.logPieces(command, options);
    await sending;
  }

  /** All the commands in ONE write (logged as one nc line); read the replies with `readReply()`. */
  async sendPipelined(commands: (string | Buffer)[][]): Promise<void> {
    await this.resp.sendPipelined(commands);
  }

  /**
   * Bytes that need not be RESP (inline commands), logged as a `printf | nc` line; one reply is expected,
   * named after their first line. With a `description` they are logged in words instead and expect no
   * reply of their own (the rest of something already sent): name the next reply with `readReply({ context })`.
   */
  async sendRaw(bytes: Buffer | string, description?: string): Promise<void> {
    if (description === undefined) return this.resp.sendRaw(bytes);
    this.log?.info(`→ ${description}`);
    await this.resp.connection.write(Buffer.from(bytes));
  }

  /** The next reply. `context` names the command it answers (`GET k`) when the pending queue cannot. */
  async readReply(options: { timeoutMs?: number; hint?: string; context?: string } = {}): Promise<RespValue> {
    const what = options.context === undefined ? undefined : `a reply to \`${options.context}\``;
    try {
      return await this.resp.readReply({ timeoutMs: options.timeoutMs ?? READ_TIMEOUT_MS, what });
    } catch (error) {
      throw withHint(error, options.hint);
    }
  }

  /** Checks a reply already read (pipelining) and throws a StageFailure naming `context`. */
  expectValue(value: RespValue, expected: RespExpectation, context: string, hint?: string): void {
    const mismatch = expected.check(value);
    if (!mismatch) return;
    const origin = this.resp.originOf(value);
    const lines = [mismatch.message, `Reply to: ${context}`];
    if (value.type === 'array' && value.value.length > 0) {
      lines.push('Reply as redis-cli shows it:', formatValue(value, { maxElements: 20, maxBytes: 60 }).replace(/^/gm, '  '));
    }
    if (origin) lines.push(`Received: ${escapeBytes(origin.bytes)}`);
    throw new StageFailure(lines.join('\n'), { reproduce: origin?.reproduce, hint: mismatch.hint ?? hint });
  }

  /** Fails if bytes already received follow the last reply. */
  expectNoUnreadBytes(): void {
    this.resp.expectNoUnreadBytes();
  }

  /** Sends FIN: no more commands, but replies are still read. */
  halfClose(): void {
    this.resp.halfClose();
  }

  /** The program must close the connection (FIN or reset) within `timeoutMs`, sending nothing more. */
  expectClosed(what: string, timeoutMs: number): Promise<void> {
    return this.resp.expectClose({ what, timeoutMs });
  }

  /** Client pacing (how a slow client behaves, or time passing for expiry), never a wait for the program. */
  pause(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Milliseconds since this client connected. */
  age(): number {
    return Date.now() - this.openedAt;
  }

  get connection() {
    return this.resp.connection;
  }

  /** `(sent in 37 writes, 2 ms apart)` under the replay line of a fragmented send. */
  private logPieces(command: (string | Buffer)[], options: SendOptions): void {
    if (options.pieces === undefined) return;
    const writes = options.pieces === 'bytewise' ? encodeCommand(command).length : options.pieces.length + 1;
    const gap = options.gapMs ? `, ${options.gapMs} ms apart` : '';
    this.log?.info(`  (sent in ${writes} writes${options.pieces === 'bytewise' ? ', one byte each' : ''}${gap})`);
  }
}
