import net from 'node:net';
import { InternalError } from '../../harness/errors.js';
import type { ConnectionHooks, Decoder } from './decoder.js';
import * as fail from './failures.js';

export type { ConnectionHooks, DecodeResult, Decoder } from './decoder.js';

/** A program that streams gigabytes must not take the grader's memory with it. */
const DEFAULT_MAX_BUFFERED = 16 * 1024 * 1024;

export interface ConnectOptions {
  host: string;
  port: number;
  /** Shown in logs (`[client-1]`) and in grader-bug messages. */
  name: string;
  timeoutMs: number;
  hooks?: ConnectionHooks;
  /** Bytes kept unconsumed before the grader stops reading (default 16 MiB). */
  maxBufferedBytes?: number;
}

/**
 * The byte connection every TCP track uses: owns the socket, the receive buffer and the deadlines,
 * and turns every way a read can go wrong into a StageFailure worded for the learner.
 * Deadlines are timers racing socket events; nothing here sleeps. Strings are sent as UTF-8.
 */
export class TcpConnection {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  private readonly hooks: ConnectionHooks;
  private readonly maxBuffered: number;
  private received: Buffer = Buffer.alloc(0);
  private peerEnded = false;
  private error: NodeJS.ErrnoException | undefined;
  private endedLocally = false;
  private closedLocally = false;
  private overflowed = false;
  private closedHow: 'eof' | 'reset' | 'local' | undefined;
  private reading = false;
  private wake: (() => void) | undefined;

  private constructor(
    private readonly socket: net.Socket,
    options: ConnectOptions,
  ) {
    this.name = options.name;
    this.host = options.host;
    this.port = options.port;
    this.hooks = options.hooks ?? {};
    this.maxBuffered = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED;
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('error', this.onError); // stays attached for good: a late error must never crash the grader
    socket.once('close', this.onSocketClose);
  }

  /** Connects, or throws a StageFailure saying why not (refused, timed out). */
  static connect(options: ConnectOptions): Promise<TcpConnection> {
    const { host, port, timeoutMs } = options;
    return new Promise((resolve, reject) => {
      // allowHalfOpen: the learner's half-close is observed (`eof`), not answered by closing our side too.
      const socket = net.createConnection({ host, port, allowHalfOpen: true });
      const settle = (): void => {
        clearTimeout(timer);
        socket.off('connect', onConnect);
        socket.off('error', onError);
      };
      const onConnect = (): void => {
        settle();
        socket.setNoDelay(true); // so writePieces() puts each piece in its own segment
        resolve(new TcpConnection(socket, options));
      };
      const onError = (error: NodeJS.ErrnoException): void => {
        settle();
        socket.destroy();
        reject(fail.connectFailure(host, port, error));
      };
      const timer = setTimeout(() => {
        settle();
        socket.destroy();
        reject(fail.connectTimeout(host, port, timeoutMs));
      }, timeoutMs);
      socket.once('connect', onConnect);
      socket.once('error', onError);
    });
  }

  /** Resolves once the bytes are handed to the kernel. */
  write(bytes: Buffer | string): Promise<void> {
    const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    if (this.closedLocally || this.endedLocally) {
      const why = `${this.name}: write after the grader closed or half-closed the connection`;
      return Promise.reject(new InternalError(why));
    }
    if (this.error) return Promise.reject(fail.sendFailed(buf.length, this.error, this.peerEnded));
    if (buf.length === 0) return Promise.resolve();
    this.hooks.onSend?.(buf);
    return new Promise((resolve, reject) => {
      this.socket.write(buf, (error) => {
        if (error) reject(fail.sendFailed(buf.length, error, this.peerEnded));
        else resolve();
      });
    });
  }

  /** One socket write per piece, each flushed before the next: the fragmentation stages' tool. */
  async writePieces(pieces: (Buffer | string)[], options: { gapMs?: number } = {}): Promise<void> {
    for (const [i, piece] of pieces.entries()) {
      // Pacing, like a slow network: without a gap, back-to-back writes can coalesce into one read on
      // the other side, and a stage about fragmented input would not test fragmentation at all.
      if (i > 0 && options.gapMs) await new Promise((resolve) => setTimeout(resolve, options.gapMs));
      await this.write(piece);
    }
  }

  /** Waits until the unconsumed bytes start with a complete value, consumes it and returns it. */
  read<T>(decode: Decoder<T>, options: { what: string; timeoutMs: number }): Promise<T> {
    const { what, timeoutMs } = options;
    return this.waitUntil(timeoutMs, (timedOut) => {
      const result = this.decodeSafely(decode);
      if (result.ok) {
        this.received = this.received.subarray(result.consumed);
        return { value: result.value };
      }
      if (result.kind === 'invalid') throw fail.invalidBytes(what, this.received, result.offset, result.message);
      if (this.closedLocally) throw new InternalError(`${this.name}: read after the grader closed the connection`);
      if (this.overflowed) throw fail.overflow(what, this.maxBuffered);
      if (this.error) throw fail.broken(what, this.error, this.received);
      if (this.peerEnded) throw fail.closedEarly(what, this.received, result.waitingFor);
      if (timedOut) throw fail.readTimeout(what, timeoutMs, this.received, result.waitingFor);
      return undefined;
    });
  }

  /**
   * Stops taking bytes from the socket: a client that stops reading. The kernel's buffers fill up and the
   * program's writes to this client back up, which is what the slow-consumer stages are about.
   */
  pauseReading(): void {
    this.socket.pause();
  }

  /** Takes bytes from the socket again after `pauseReading()`. */
  resumeReading(): void {
    this.socket.resume();
  }

  /** Bytes received but not consumed by a read (a copy). */
  unreadBytes(): Buffer {
    return Buffer.from(this.received);
  }

  /**
   * Passes when the program closes the connection (FIN, or a reset: either way it closed) with no
   * unread bytes before it. `what` reads "the connection to close after `Connection: close`".
   */
  expectEof(options: { what: string; timeoutMs: number }): Promise<void> {
    const { what, timeoutMs } = options;
    return this.waitUntil(timeoutMs, (timedOut) => {
      if (this.received.length > 0) throw fail.unexpectedBytes(what, this.received);
      if (this.closedLocally) throw new InternalError(`${this.name}: expectEof after the grader closed the connection`);
      if (this.peerEnded || this.error) return { value: undefined };
      if (timedOut) throw fail.stayedOpen(what, timeoutMs);
      return undefined;
    });
  }

  /** How the connection ended first (as reported to `onClose`), or undefined while it is open. */
  get closeReason(): 'eof' | 'reset' | 'local' | undefined {
    return this.closedHow;
  }

  /** True until the program closes, the connection breaks, or the grader closes it. */
  isOpen(): boolean {
    return !this.peerEnded && !this.error && !this.closedLocally && !this.socket.destroyed;
  }

  /** Half-close: sends FIN, keeps reading. */
  end(): void {
    if (this.endedLocally || this.closedLocally) return;
    this.endedLocally = true;
    this.socket.end();
  }

  /** Closes at once; idempotent. A read in progress fails as a grader-side close. */
  destroy(): void {
    if (this.closedLocally) return;
    this.closedLocally = true;
    this.reportClose('local');
    this.socket.destroy();
    this.notify();
  }

  /** Runs `step` now and after every socket event until it returns a value or throws; `timedOut` after the deadline. */
  private async waitUntil<T>(timeoutMs: number, step: (timedOut: boolean) => { value: T } | undefined): Promise<T> {
    if (this.reading) throw new InternalError(`${this.name}: two reads at once on one connection (stage bug)`);
    this.reading = true;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.notify();
    }, timeoutMs);
    try {
      for (;;) {
        const outcome = step(timedOut);
        if (outcome) return outcome.value;
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
      }
    } finally {
      clearTimeout(timer);
      this.wake = undefined;
      this.reading = false;
    }
  }

  private decodeSafely<T>(decode: Decoder<T>): ReturnType<Decoder<T>> {
    let result: ReturnType<Decoder<T>>;
    try {
      result = decode(this.received);
    } catch (cause) {
      const why = `${this.name}: the decoder threw on bytes from the program (grader bug): ${String(cause)}`;
      throw new InternalError(why, { cause });
    }
    const { length } = this.received;
    if (result.ok && !(Number.isInteger(result.consumed) && result.consumed >= 0 && result.consumed <= length)) {
      throw new InternalError(`${this.name}: the decoder consumed ${result.consumed} of ${length} bytes (grader bug)`);
    }
    return result;
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private reportClose(how: 'eof' | 'reset' | 'local'): void {
    if (this.closedHow) return;
    this.closedHow = how;
    this.hooks.onClose?.(how);
  }

  private readonly onData = (chunk: Buffer): void => {
    this.hooks.onReceive?.(chunk);
    this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
    if (this.received.length > this.maxBuffered) {
      this.overflowed = true;
      this.socket.pause();
    }
    this.notify();
  };

  private readonly onEnd = (): void => {
    this.peerEnded = true;
    this.reportClose('eof');
    this.notify();
  };

  private readonly onError = (error: NodeJS.ErrnoException): void => {
    this.error ??= error;
    this.reportClose('reset');
    this.notify();
  };

  private readonly onSocketClose = (): void => {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.notify();
  };
}
