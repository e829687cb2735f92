import type { Socket } from 'node:net';

/** The client closed the connection (or it was reset) before a message was complete. */
export class EndOfStream extends Error {
  override name = 'EndOfStream';
}

/** The client did not send the bytes we were waiting for in time. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * How long a read may wait. `until`: a fixed instant — a request head must be complete by then however
 * slowly its bytes trickle in, which is what defeats slowloris. `idleMs`: a maximum silence between bytes —
 * a large body may legitimately take long, but not stall.
 */
export type ReadTimeout = { readonly until: number } | { readonly idleMs: number };

const CRLF = Buffer.from('\r\n');

/** Stop pulling from the kernel while this much is buffered and unread (back-pressure on pipelining floods). */
const HIGH_WATER_MARK = 64 * 1024;

/**
 * Pull-style reading over a socket: parsers ask for "a line" or "n bytes" and await them.
 *
 * TCP delivers a byte stream, not messages: one 'data' chunk may hold three pipelined requests, or a single
 * byte of one. So nothing here looks at chunk boundaries; everything works on the buffer of unread bytes.
 */
export class SocketReader {
  readonly #socket: Socket;
  #buffer: Buffer = Buffer.alloc(0);
  /** How far into #buffer readLine already searched for CRLF, so byte-by-byte input is not rescanned. */
  #searched = 0;
  #ended = false;
  #wake: (() => void) | undefined;

  constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => {
      if (this.#ended) return; // stop() was called: discard
      this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
      if (this.#buffer.length >= HIGH_WATER_MARK) socket.pause();
      this.#wake?.();
    });
    const end = (): void => {
      this.#ended = true;
      this.#wake?.();
    };
    socket.on('end', end);
    socket.on('close', end);
  }

  /** Bytes received and not consumed yet. */
  get buffered(): number {
    return this.#buffer.length;
  }

  /**
   * Wait until more bytes arrive. Resolves `false` at end of stream (bytes already buffered stay readable),
   * rejects with TimeoutError when the timeout passes first.
   */
  fill(timeout: ReadTimeout): Promise<boolean> {
    if (this.#ended) return Promise.resolve(false);
    const ms = 'until' in timeout ? timeout.until - Date.now() : timeout.idleMs;
    if (ms <= 0) return Promise.reject(new TimeoutError('timed out waiting for data'));
    this.#socket.resume();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#wake = undefined;
        reject(new TimeoutError('timed out waiting for data'));
      }, ms);
      this.#wake = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve(!this.#ended);
      };
    });
  }

  /**
   * Read one line terminated by CRLF and return it without the CRLF. Returns `undefined` when the line,
   * CRLF included, would not fit in `limit` bytes — decided as soon as `limit` bytes are buffered, so an
   * oversized line is refused without waiting for the rest of it. A bare CR or LF is not a terminator; it
   * stays in the line, where the parsers reject it (RFC 9112 §2.2).
   */
  async readLine(limit: number, timeout: ReadTimeout): Promise<Buffer | undefined> {
    for (;;) {
      const window = this.#buffer.subarray(0, limit);
      const end = window.indexOf(CRLF, Math.max(0, this.#searched - 1));
      if (end !== -1) return this.#take(end + CRLF.length).subarray(0, end);
      if (window.length === limit) return undefined;
      this.#searched = window.length;
      await this.#fillOrThrow(timeout);
    }
  }

  /** Read exactly `length` bytes. */
  async readExactly(length: number, timeout: ReadTimeout): Promise<Buffer> {
    const pieces: Buffer[] = [];
    for (let missing = length; missing > 0; ) {
      while (this.#buffer.length === 0) await this.#fillOrThrow(timeout);
      const piece = this.#take(Math.min(missing, this.#buffer.length));
      pieces.push(piece);
      missing -= piece.length;
    }
    return pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces, length);
  }

  /** Stop reading for good: a pending fill() resolves as end of stream and later bytes are discarded. */
  stop(): void {
    this.#ended = true;
    this.#buffer = Buffer.alloc(0);
    this.#wake?.();
  }

  async #fillOrThrow(timeout: ReadTimeout): Promise<void> {
    if (!(await this.fill(timeout))) throw new EndOfStream('connection closed mid-message');
  }

  #take(length: number): Buffer {
    const taken = this.#buffer.subarray(0, length);
    this.#buffer = this.#buffer.subarray(length);
    this.#searched = 0;
    return taken;
  }
}
