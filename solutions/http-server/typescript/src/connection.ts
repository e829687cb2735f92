import type { Socket } from 'node:net';
import { bodyFraming, readBody } from './body.js';
import { HttpError } from './errors.js';
import { hasToken } from './fields.js';
import { readRequestHead } from './request-parser.js';
import { CONTINUE, respond, serializeResponse } from './response.js';
import { route, type RouterOptions } from './router.js';
import { EndOfStream, type ReadTimeout, SocketReader, TimeoutError } from './socket-reader.js';

export interface ConnectionOptions extends RouterOptions {
  /** How long a connection may stay silent, or take to send a request head. */
  idleTimeoutMs: number;
}

/** What the server needs to manage a connection it handed over. */
export interface ConnectionHandle {
  /** Settles when the socket is fully closed. */
  readonly closed: Promise<void>;
  /** Graceful shutdown: close now if idle, otherwise after answering the request in flight. */
  shutdown(): void;
  /** Close at once, whatever is in flight. */
  destroy(): void;
}

/**
 * After the last response, how long to keep reading (and discarding) before closing for good. Closing a socket
 * that still has unread input makes the kernel send a reset, which can destroy the response we just sent before
 * the client has read it; half-closing first and draining avoids that (RFC 9112 §9.6).
 */
const LINGER_MS = 2000;

/** Serve HTTP/1.1 requests on an accepted socket, one after another, until either side closes it. */
export function serveConnection(socket: Socket, options: ConnectionOptions): ConnectionHandle {
  return new Connection(socket, options);
}

class Connection implements ConnectionHandle {
  readonly closed: Promise<void>;
  readonly #socket: Socket;
  readonly #reader: SocketReader;
  readonly #options: ConnectionOptions;
  /** Waiting for the first byte of a request: nothing is owed to the client. */
  #idle = false;
  /** Shutting down: the current response is the last. */
  #closing = false;

  constructor(socket: Socket, options: ConnectionOptions) {
    this.#socket = socket;
    this.#options = options;
    this.#reader = new SocketReader(socket);
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    // Responses are written whole, in one write each; Nagle's algorithm would only delay the next one.
    socket.setNoDelay(true);
    // A reset or broken pipe just ends the connection: the reader sees end of stream. Without a listener,
    // an 'error' event would crash the whole server.
    socket.on('error', () => {});
    void this.#serve();
  }

  shutdown(): void {
    this.#closing = true;
    if (this.#idle) this.#reader.stop(); // wakes #serve, which sees end of stream and closes
  }

  destroy(): void {
    this.#socket.destroy();
  }

  /** The request loop of a persistent connection (RFC 9112 §9.3): HTTP/1.1 keeps connections open by default. */
  async #serve(): Promise<void> {
    try {
      while (!this.#closing) {
        // One clock for the silence before a request and for its head: trickling bytes do not reset it.
        const timeout = { until: Date.now() + this.#options.idleTimeoutMs };
        if (!(await this.#awaitRequest(timeout))) break;
        if (await this.#serveRequest(timeout)) break;
      }
    } catch (error) {
      await this.#fail(error);
    } finally {
      this.#close();
    }
  }

  /**
   * Wait for the first byte of the next request. False when the client closed the connection, shutdown
   * stopped it, or it stayed silent past the timeout — an idle connection may be closed at any time
   * (RFC 9112 §9.5), without a response, since no request is outstanding.
   */
  async #awaitRequest(timeout: ReadTimeout): Promise<boolean> {
    // Pipelined requests are already buffered: no wait, and never "idle" in between.
    if (this.#reader.buffered > 0) return true;
    this.#idle = true;
    try {
      return await this.#reader.fill(timeout);
    } catch (error) {
      if (error instanceof TimeoutError) return false;
      throw error;
    } finally {
      this.#idle = false;
    }
  }

  /** Read, route and answer one request. Returns true when it was the last one on this connection. */
  async #serveRequest(timeout: ReadTimeout): Promise<boolean> {
    const head = await readRequestHead(this.#reader, timeout);
    const framing = bodyFraming(head.headers);
    // RFC 9110 §10.1.1: a client that asked to be told before sending its body is waiting for this.
    if (framing.kind !== 'none' && hasToken(head.headers, 'expect', '100-continue')) await this.#write(CONTINUE);
    // A body may take long to upload but not stall: from here on, the timeout is on silence.
    const body = await readBody(this.#reader, framing, { idleMs: this.#options.idleTimeoutMs });

    const response = await route({ method: head.method, path: head.path, headers: head.headers, body }, this.#options);

    // RFC 9112 §9.6: "close" from the client means this response is the last; so does our own shutdown.
    const close = this.#closing || hasToken(head.headers, 'connection', 'close');
    await this.#write(serializeResponse(response, { omitBody: head.method === 'HEAD', close }));
    return close;
  }

  /** Answer what can still be answered when a request fails; the connection closes afterwards in any case. */
  async #fail(error: unknown): Promise<void> {
    if (error instanceof HttpError) {
      await this.#write(serializeResponse(respond(error.status), { omitBody: false, close: true }));
    } else if (error instanceof TimeoutError) {
      // A request began but did not arrive in time (slowloris): RFC 9110 §15.5.9.
      await this.#write(serializeResponse(respond(408), { omitBody: false, close: true }));
    } else if (!(error instanceof EndOfStream)) {
      console.error('connection failed:', error); // a bug: drop this connection, keep serving the others
    }
  }

  /** Write, and wait if the client reads slower than we write (back-pressure) before reading its next request. */
  async #write(bytes: Buffer): Promise<void> {
    const socket = this.#socket;
    if (socket.destroyed || socket.writableEnded) return;
    if (socket.write(bytes)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        socket.off('drain', done);
        socket.off('close', done);
        resolve();
      };
      socket.on('drain', done);
      socket.on('close', done);
    });
  }

  /** Half-close, drain what the client still sends, then close for good after LINGER_MS at most. */
  #close(): void {
    const socket = this.#socket;
    this.#reader.stop();
    if (socket.destroyed) return;
    socket.end();
    socket.resume();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    socket.once('close', () => clearTimeout(timer));
  }
}
