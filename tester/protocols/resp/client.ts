import { countBytes, escapeBytes, escapeUnquoted } from '../../expect/escape-bytes.js';
import { InternalError, StageFailure } from '../../harness/errors.js';
import type { TcpConnection } from '../tcp/connection.js';
import { decodeResp } from './decode.js';
import { encodeCommand } from './encode.js';
import { commandLabel, ncCommand, redisCliCommand } from './redis-cli.js';
import type { RespValue } from './value.js';

export interface RespClientHooks {
  /** Before sending; `reproduce` is a redis-cli or nc line (empty for the 2nd.. commands of a pipelined batch). */
  onCommand?(args: (string | Buffer)[], reproduce: string): void;
  /** Before sending bytes given to `sendRaw`. */
  onRaw?(bytes: Buffer, reproduce: string): void;
  onReply?(value: RespValue): void;
}

export interface SendOptions {
  /** Split the bytes into several writes: at these byte offsets, or one byte per write. */
  pieces?: number[] | 'bytewise';
  /** Milliseconds between pieces, so each reaches the program in its own read (fragmentation stages). */
  gapMs?: number;
}

/** Where a reply came from, for failure messages about it. */
export interface ReplyOrigin {
  /** The exact bytes the reply arrived as. */
  bytes: Buffer;
  /** The command it answers (`ECHO hey`), when one was pending. */
  command?: string;
  /** That command's replay line. */
  reproduce?: string;
}

/** A command sent and not yet answered: replies come back in this order (pipelining). */
interface Pending {
  label: string;
  reproduce: string;
}

function split(bytes: Buffer, pieces: SendOptions['pieces']): Buffer[] {
  if (pieces === undefined) return [bytes];
  if (pieces === 'bytewise') return [...bytes].map((byte) => Buffer.from([byte]));
  const cuts = [0, ...pieces, bytes.length];
  if (cuts.some((cut, i) => i > 0 && cut <= (cuts[i - 1] ?? 0))) {
    throw new InternalError(`pieces must be increasing offsets inside the ${bytes.length}-byte command, got [${pieces.join(', ')}]`);
  }
  return cuts.slice(1).map((end, i) => bytes.subarray(cuts[i], end));
}

/** The likeliest reason bytes follow a reply, as one sentence. */
function unreadAdvice(extra: Buffer): string {
  if (extra[0] === 0x0d || extra[0] === 0x0a) return 'Is there an extra \\r\\n after the reply?';
  if (decodeResp(extra).ok) return 'Did you answer one command twice, or read one command as two?';
  return 'The grader reads exactly one value per command; these bytes belong to none.';
}

/**
 * The RESP2 client stages use: sends commands (whole, in pieces, pipelined, or raw bytes), reads
 * replies strictly in order, and says how to replay each command by hand.
 */
export class RespClient {
  readonly connection: TcpConnection;
  private readonly port: number;
  private readonly hooks: RespClientHooks;
  private readonly timeoutMs: number;
  private readonly pending: Pending[] = [];
  private readonly origins = new WeakMap<RespValue, ReplyOrigin>();
  /** The command the last reply answered, and its replay line, once a reply has been read. */
  private lastLabel: string | undefined;
  private lastReproduce: string | undefined;
  private hasReplied = false;
  private isHalfClosed = false;

  constructor(connection: TcpConnection, options: { port: number; hooks?: RespClientHooks; timeoutMs?: number }) {
    this.connection = connection;
    this.port = options.port;
    this.hooks = options.hooks ?? {};
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  /** Sends one command as an array of bulk strings; resolves once every piece is handed to the kernel. */
  async send(args: (string | Buffer)[], options: SendOptions = {}): Promise<void> {
    await this.startSend(args, options);
  }

  /** Several commands in ONE write; read their replies in order afterwards. */
  async sendPipelined(commands: (string | Buffer)[][]): Promise<void> {
    const bytes = Buffer.concat(commands.map(encodeCommand));
    const reproduce = ncCommand(bytes, { port: this.port });
    for (const [i, args] of commands.entries()) {
      this.hooks.onCommand?.(args, i === 0 ? reproduce : '');
      this.pending.push({ label: commandLabel(args), reproduce });
    }
    await this.write([bytes], {});
  }

  /** Bytes that need not be RESP (inline commands). Replies are named after their first line. */
  async sendRaw(bytes: Buffer | string, options: SendOptions = {}): Promise<void> {
    const buf = Buffer.from(bytes);
    const reproduce = ncCommand(buf, { port: this.port });
    this.hooks.onRaw?.(buf, reproduce);
    const firstLine = buf.subarray(0, 100).toString('latin1').split(/\r?\n/)[0] ?? '';
    this.pending.push({ label: escapeUnquoted(Buffer.from(firstLine, 'latin1')), reproduce });
    await this.write(split(buf, options.pieces), options);
  }

  /** The next reply, for the oldest unanswered command. Failures carry that command's replay line. */
  async readReply(options: { timeoutMs?: number; what?: string } = {}): Promise<RespValue> {
    const pending = this.pending.shift();
    const what = options.what ?? (pending ? `a reply to \`${pending.label}\`` : 'a reply');
    let raw = Buffer.alloc(0);
    let value: RespValue;
    try {
      const timeoutMs = options.timeoutMs ?? this.timeoutMs;
      value = await this.connection.read(
        (buf) => {
          const result = decodeResp(buf);
          if (result.ok) raw = Buffer.from(buf.subarray(0, result.consumed));
          return result;
        },
        { what, timeoutMs },
      );
    } catch (error) {
      if (error instanceof StageFailure) {
        error.reproduce ??= pending?.reproduce;
        error.hint = this.followUpHint() ?? error.hint;
      }
      throw error;
    }
    this.origins.set(value, { bytes: raw, command: pending?.label, reproduce: pending?.reproduce });
    this.lastLabel = pending?.label;
    this.lastReproduce = pending?.reproduce;
    this.hasReplied = true;
    this.hooks.onReply?.(value);
    return value;
  }

  /**
   * Sends one command and reads its reply. An unpaced write is not awaited before reading: a program
   * that stops reading a 1 MiB command then fails the read (timeout, reset) instead of stalling the write.
   */
  async command(args: (string | Buffer)[], options: SendOptions & { timeoutMs?: number; what?: string } = {}): Promise<RespValue> {
    const written = this.startSend(args, options);
    // Any write failure also breaks the connection, and the read reports it in its own words.
    written.catch(() => undefined);
    const reply = await this.readReply(options);
    // Pieces still in flight must not interleave with the next command's bytes.
    if (options.pieces !== undefined) await written.catch(() => undefined);
    return reply;
  }

  /** Where `value` came from, when this client read it. */
  originOf(value: RespValue): ReplyOrigin | undefined {
    return this.origins.get(value);
  }

  /** Commands sent whose replies have not been read yet. */
  get unanswered(): number {
    return this.pending.length;
  }

  /** Fails if bytes already received follow the last reply (no waiting: what has arrived by now). */
  expectNoUnreadBytes(): void {
    const extra = this.connection.unreadBytes();
    if (extra.length === 0) return;
    const after = this.lastLabel ? `the reply to \`${this.lastLabel}\`` : 'the reply';
    const found = `Found ${countBytes(extra.length, 'unread')} after ${after}: ${escapeBytes(extra)}. ${unreadAdvice(extra)}`;
    throw new StageFailure(found, { reproduce: this.lastReproduce });
  }

  /** Passes when the program closes the connection within `timeoutMs`, with nothing more sent. */
  expectClose(options: { what?: string; timeoutMs?: number } = {}): Promise<void> {
    const what = options.what ?? 'the connection to close';
    return this.connection.expectEof({ what, timeoutMs: options.timeoutMs ?? this.timeoutMs });
  }

  /** Sends FIN: the program reads end-of-stream but can still reply. */
  halfClose(): void {
    this.isHalfClosed = true;
    this.connection.end();
  }

  /** Announces, queues and writes one command; the returned promise settles when the bytes are flushed. */
  private startSend(args: (string | Buffer)[], options: SendOptions): Promise<void> {
    const bytes = encodeCommand(args);
    const pieces = split(bytes, options.pieces);
    const reproduce = redisCliCommand(args, { port: this.port });
    this.hooks.onCommand?.(args, reproduce);
    this.pending.push({ label: commandLabel(args), reproduce });
    return this.write(pieces, options);
  }

  private write(pieces: Buffer[], options: SendOptions): Promise<void> {
    if (this.isHalfClosed) throw new InternalError(`${this.connection.name}: sending after halfClose() (stage bug)`);
    return this.connection.writePieces(pieces, { gapMs: options.gapMs });
  }

  /** Advice that only a client which has seen an earlier reply on this connection can give. */
  private followUpHint(): string | undefined {
    if (!this.hasReplied || this.isHalfClosed) return undefined;
    if (this.connection.closeReason !== 'eof' || this.connection.unreadBytes().length > 0) return undefined;
    return (
      'Your program closed the connection after answering the previous command; a Redis connection stays open ' +
      'for more commands until the client closes it.'
    );
  }
}
