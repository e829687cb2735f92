import type { Socket } from 'node:net';
import { type Context, execute } from './commands.js';
import { ProtocolError, RespReader } from './resp-reader.js';
import { encode, error } from './resp-writer.js';

/**
 * After we close our side (protocol error), how long to keep reading and discarding before dropping the
 * connection. Closing a socket that still has unread input makes the kernel send a reset, which can destroy
 * the error reply before the client has read it; a half-close followed by draining avoids that.
 */
const LINGER_MS = 2000;

/**
 * Serve one client: parse every complete command in what has arrived, answer each, in order, and keep the rest
 * for the next read. Commands run to completion one at a time on the event loop, as in Redis itself, so they
 * never interleave across clients.
 */
export function serveConnection(socket: Socket, context: Context): void {
  new Connection(socket, context);
}

class Connection {
  readonly #socket: Socket;
  readonly #context: Context;
  readonly #reader = new RespReader();
  /** We have ended our side: anything the client still sends is discarded. */
  #closing = false;

  constructor(socket: Socket, context: Context) {
    this.#socket = socket;
    this.#context = context;
    // Replies go out as soon as they are ready; Nagle's algorithm would only hold back the next one.
    socket.setNoDelay(true);
    // A reset or broken pipe just ends the connection. Without a listener an 'error' event would crash the
    // whole server, every other client with it.
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => this.#receive(chunk));
    // The client half-closed (FIN after its last command). Every complete command it sent was answered as it
    // arrived, and our replies are queued ahead of this end(), so they all go out before our FIN.
    socket.on('end', () => this.#close());
  }

  #receive(chunk: Buffer): void {
    if (this.#closing) return;
    this.#reader.push(chunk);
    // All the replies to one read leave in one write: a pipelined batch costs one syscall, not one per command.
    const out: Buffer[] = [];
    try {
      for (let command = this.#reader.next(); command !== undefined; command = this.#reader.next()) {
        encode(execute(command, this.#context), out);
      }
    } catch (failure) {
      if (!(failure instanceof ProtocolError)) {
        console.error('connection failed:', failure); // a bug: drop this client, keep serving the others
        this.#socket.destroy();
        return;
      }
      // Answered like redis-server: the replies owed so far, the error, then the connection is closed.
      encode(error(`ERR Protocol error: ${failure.message}`), out);
      this.#closing = true;
    }
    if (out.length > 0) this.#write(Buffer.concat(out));
    if (this.#closing) this.#close();
  }

  /**
   * Write, and stop reading while the client does not read its replies (back-pressure): otherwise a client that
   * pipelines without reading would make us buffer replies without bound.
   */
  #write(bytes: Buffer): void {
    const socket = this.#socket;
    if (socket.destroyed || socket.writableEnded) return;
    if (socket.write(bytes)) return;
    socket.pause();
    socket.once('drain', () => socket.resume());
  }

  /** End our side after the queued replies, drain the client's leftovers, and drop it after LINGER_MS at most. */
  #close(): void {
    this.#closing = true;
    const socket = this.#socket;
    if (socket.destroyed || socket.writableEnded) return;
    socket.end();
    socket.resume();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    socket.once('close', () => clearTimeout(timer));
  }
}
