import { splitInlineArgs } from './inline.js';
import { parseInt64 } from './integer.js';

/** A command as the client sent it: the name first, then the arguments, each as raw bytes. */
export type Command = Buffer[];

/**
 * The client broke the protocol. The message is Redis's own (after `ERR Protocol error: `); the connection
 * answers it and closes, as redis-server does, because after a framing error nothing that follows can be trusted.
 */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** Redis's PROTO_INLINE_MAX_SIZE: the longest inline command, or `*N`/`$N` line, it waits for. */
const MAX_LINE_BYTES = 64 * 1024;
/** Redis's proto-max-bulk-len default (512 MiB): a longer bulk string is refused before it is read. */
const MAX_BULK_BYTES = 512 * 1024 * 1024;
/** Redis keeps the argument count in a C int. */
const MAX_ARGUMENTS = 2n ** 31n - 1n;

const STAR = 0x2a;
const DOLLAR = 0x24;
const CR = 0x0d;
const LF = 0x0a;

/**
 * An incremental RESP2 request parser. TCP delivers a byte stream, not messages: one read may hold several
 * pipelined commands, or one byte of a command. So `push` every chunk as it arrives, then call `next` until it
 * returns undefined; a partial command stays buffered (with how far it got) until the rest arrives.
 *
 * Two request forms, as in Redis: an array of bulk strings (`*2\r\n$4\r\nECHO\r\n$3\r\nhey\r\n`), which is
 * binary-safe since each length prefix says where its bytes end; and an inline command, a line of words that
 * does not start with `*` (`PING\r\n`, what telnet users type).
 *
 * The edge cases follow redis-server 7.0's processMultibulkBuffer/processInlineBuffer, since the real server is
 * what the contract measures against: `*0` and negative counts are skipped, empty inline lines too, an inline
 * line may end in a bare `\n`, and the two bytes after a bulk string's data are skipped, not checked.
 */
export class RespReader {
  /** Unconsumed bytes are #buffer[#offset...]; chunks received since the last parse wait in #pending. */
  #buffer: Buffer = Buffer.alloc(0);
  #offset = 0;
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  /**
   * How many unconsumed bytes the parser needs before it can make progress. Until they are here, chunks are
   * only queued: a 1 MiB value arriving in 64 KiB reads is joined once, not once per read.
   */
  #needed = 1;
  /** How many unconsumed bytes a line search already looked at, so byte-by-byte input is not rescanned. */
  #searched = 0;

  /** The array being read: its arguments so far, how many are still to come, and the current bulk's length. */
  #args: Buffer[] = [];
  #remaining = 0;
  #bulkLength = -1;

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.#pending.push(chunk);
    this.#pendingBytes += chunk.length;
  }

  /** Bytes received and not yet part of a returned command. */
  get buffered(): number {
    return this.#buffer.length - this.#offset + this.#pendingBytes;
  }

  /** The next complete command, or undefined until more bytes arrive. Throws ProtocolError. */
  next(): Command | undefined {
    if (this.buffered < this.#needed) return undefined;
    this.#join();
    for (;;) {
      if (this.#remaining === 0) {
        if (this.#unread === 0) return this.#wait(1);
        if (this.#buffer[this.#offset] !== STAR) {
          const command = this.#readInline();
          if (command === undefined) return undefined;
          if (command.length > 0) return command;
          continue; // an empty line: Redis ignores it
        }
        const line = this.#readLine('too big mbulk count string');
        if (line === undefined) return undefined;
        const count = parseInt64(line.subarray(1));
        if (count === undefined || count > MAX_ARGUMENTS) throw new ProtocolError('invalid multibulk length');
        if (count <= 0) continue; // `*0`, `*-1`: no command, nothing to answer
        this.#remaining = Number(count);
      }
      if (this.#bulkLength < 0) {
        const line = this.#readLine('too big bulk count string');
        if (line === undefined) return undefined;
        if (line[0] !== DOLLAR) {
          // Redis reports the first byte as a character, whatever it is (the error writer blanks out CR/LF).
          throw new ProtocolError(`expected '$', got '${String.fromCharCode(line[0] ?? CR)}'`);
        }
        const length = parseInt64(line.subarray(1));
        if (length === undefined || length < 0n || length > MAX_BULK_BYTES) {
          throw new ProtocolError('invalid bulk length');
        }
        this.#bulkLength = Number(length);
      }
      // The data, then two bytes for its CRLF (which Redis skips without looking at).
      if (this.#unread < this.#bulkLength + 2) return this.#wait(this.#bulkLength + 2);
      this.#args.push(this.#take(this.#bulkLength));
      this.#offset += 2;
      this.#bulkLength = -1;
      if (--this.#remaining === 0) {
        const command = this.#args;
        this.#args = [];
        return command;
      }
    }
  }

  get #unread(): number {
    return this.#buffer.length - this.#offset;
  }

  /** Make the unconsumed bytes one contiguous buffer. */
  #join(): void {
    if (this.#pending.length === 0) return;
    this.#buffer = Buffer.concat([this.#buffer.subarray(this.#offset), ...this.#pending]);
    this.#offset = 0;
    this.#pending = [];
    this.#pendingBytes = 0;
  }

  /** Nothing more to parse until `bytes` unconsumed bytes are buffered. */
  #wait(bytes: number): undefined {
    this.#needed = bytes;
    return undefined;
  }

  /** Consume `length` bytes. The command owns them: a copy, so it does not pin the whole read buffer. */
  #take(length: number): Buffer {
    const bytes = Buffer.from(this.#buffer.subarray(this.#offset, this.#offset + length));
    this.#offset += length;
    this.#searched = 0;
    this.#needed = 1;
    return bytes;
  }

  /**
   * A `*N` or `$N` line, without its terminator. Like Redis, the line ends at the first CR and the byte after it
   * is taken to be the LF. Undefined while incomplete; ProtocolError once it is over MAX_LINE_BYTES.
   */
  #readLine(tooBig: string): Buffer | undefined {
    const cr = this.#buffer.indexOf(CR, this.#offset + this.#searched);
    if (cr === -1) {
      if (this.#unread > MAX_LINE_BYTES) throw new ProtocolError(tooBig);
      this.#searched = this.#unread;
      return this.#wait(this.#unread + 1);
    }
    const length = cr - this.#offset;
    if (length + 2 > this.#unread) {
      this.#searched = length;
      return this.#wait(length + 2);
    }
    const line = this.#take(length);
    this.#offset += 2;
    return line;
  }

  /** An inline command: the words of a line ending in LF (a CR before it is dropped). Undefined while incomplete. */
  #readInline(): Command | undefined {
    const lf = this.#buffer.indexOf(LF, this.#offset + this.#searched);
    if (lf === -1) {
      if (this.#unread > MAX_LINE_BYTES) throw new ProtocolError('too big inline request');
      this.#searched = this.#unread;
      return this.#wait(this.#unread + 1);
    }
    const end = lf > this.#offset && this.#buffer[lf - 1] === CR ? lf - 1 : lf;
    const line = this.#take(end - this.#offset);
    this.#offset = lf + 1;
    const args = splitInlineArgs(line);
    if (args === undefined) throw new ProtocolError('unbalanced quotes in request');
    return args;
  }
}
