import type { Socket } from 'node:net';
import { Client } from './client.js';
import { type Context, type Shared, execute } from './commands.js';
import { ProtocolError, RespReader } from './resp-reader.js';
import { type Reply, encode, error } from './resp-writer.js';

/**
 * After we close our side (protocol error, QUIT, client FIN), how long to keep reading and discarding before
 * dropping the connection. Closing a socket that still has unread input makes the kernel send a reset, which
 * can destroy the last replies before the client has read them; a half-close followed by draining avoids that.
 */
const LINGER_MS = 2000;

/**
 * Slow subscribers. PUBLISH never waits for a subscriber: each message is queued on the subscriber's socket at
 * once, and Node holds what the kernel cannot take yet. A subscriber that does not read would make that queue
 * grow without bound, so the policy is, per subscriber:
 *
 *   - while less than MAX_UNSENT_PUSH_BYTES (4 MiB) of its output is still unsent (socket.writableLength),
 *     every message is queued, whole and in order;
 *   - when a message comes and more than that is unsent, the subscriber is disconnected instead: it is
 *     unsubscribed from everything at once (later PUBLISHes no longer count it), gets no further message,
 *     and the connection is closed after the output already queued (a FIN, not a reset). What it receives is
 *     therefore a gap-free prefix of its stream, ending on a whole message, then end-of-stream. A message is
 *     never skipped in the middle of the stream.
 *   - if it still has not read that queued output SLOW_SUBSCRIBER_GRACE_MS later, the socket is destroyed.
 *
 * redis-server does the same with its client-output-buffer-limit for pub/sub clients (32 MiB at once, or
 * 8 MiB for 60 s), only its limit counts its own buffers and it closes at once.
 */
const MAX_UNSENT_PUSH_BYTES = 4 * 1024 * 1024;
const SLOW_SUBSCRIBER_GRACE_MS = 60_000;

/**
 * Serve one client: parse every complete command in what has arrived, answer each, in order, and keep the rest
 * for the next read. Commands run to completion one at a time on the event loop, as in Redis itself, so they
 * never interleave across clients.
 */
export function serveConnection(socket: Socket, shared: Shared): void {
  new Connection(socket, shared);
}

class Connection {
  readonly #socket: Socket;
  readonly #context: Context;
  readonly #reader = new RespReader();
  /** We have ended our side: anything the client still sends is discarded. */
  #closing = false;

  constructor(socket: Socket, shared: Shared) {
    this.#socket = socket;
    const client = new Client({
      reply: (reply) => this.#send(reply),
      push: (message) => this.#push(message),
      // Later, not now: resume() is called from inside another client's command, which must finish first.
      resume: () => setImmediate(() => this.#process()),
    });
    this.#context = { ...shared, client };
    // Replies go out as soon as they are ready; Nagle's algorithm would only hold back the next one.
    socket.setNoDelay(true);
    // A reset or broken pipe just ends the connection. Without a listener an 'error' event would crash the
    // whole server, every other client with it.
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => this.#receive(chunk));
    // The client half-closed (FIN after its last command). Every complete command it sent was answered as it
    // arrived, and our replies are queued ahead of this end(), so they all go out before our FIN. A client
    // blocked in BLPOP is not waited for: like redis-server, we forget it (and what it sent after BLPOP).
    socket.on('end', () => this.#close(LINGER_MS));
    socket.on('close', () => this.#release());
  }

  #receive(chunk: Buffer): void {
    if (this.#closing) return;
    this.#reader.push(chunk);
    this.#process();
  }

  /** Run the buffered commands, unless the client is blocked: then they wait in the reader until it is answered. */
  #process(): void {
    const { client } = this.#context;
    if (this.#closing || client.blocked !== undefined) return;
    // All the replies to one read leave in one write: a pipelined batch costs one syscall, not one per command.
    const out: Buffer[] = [];
    try {
      for (let command = this.#reader.next(); command !== undefined; command = this.#reader.next()) {
        encode(execute(command, this.#context), out);
        if (client.blocked !== undefined || client.closeAfterReply) break;
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
    if (this.#closing || client.closeAfterReply) this.#close(LINGER_MS);
  }

  /** A reply sent outside the command loop (a BLPOP answered later). */
  #send(reply: Reply): void {
    const out: Buffer[] = [];
    encode(reply, out);
    this.#write(Buffer.concat(out));
  }

  /** A pub/sub message, under the slow-subscriber policy above. */
  #push(message: Reply): void {
    if (this.#closing || this.#socket.destroyed) return;
    if (this.#socket.writableLength > MAX_UNSENT_PUSH_BYTES) {
      this.#release();
      this.#close(SLOW_SUBSCRIBER_GRACE_MS);
      return;
    }
    const out: Buffer[] = [];
    encode(message, out);
    // Not #write: a subscriber's backlog is the policy's business, and pausing its reads would not help.
    this.#socket.write(Buffer.concat(out));
  }

  /**
   * Write, and stop reading while the client does not read its replies (back-pressure): otherwise a client that
   * pipelines without reading would make us buffer replies without bound.
   */
  #write(bytes: Buffer): void {
    const socket = this.#socket;
    if (socket.destroyed || socket.writableEnded) return;
    if (socket.write(bytes) || socket.isPaused()) return;
    socket.pause();
    socket.once('drain', () => socket.resume());
  }

  /** End our side after the queued replies, drain the client's leftovers, and drop it after `lingerMs` at most. */
  #close(lingerMs: number): void {
    this.#closing = true;
    this.#release();
    const socket = this.#socket;
    if (socket.destroyed || socket.writableEnded) return;
    socket.end();
    socket.resume();
    const timer = setTimeout(() => socket.destroy(), lingerMs);
    socket.once('close', () => clearTimeout(timer));
  }

  /** Take the client out of the shared registries: nobody may publish to it, wake it, or be aborted by it. */
  #release(): void {
    const { client, blocked, watches, channels } = this.#context;
    blocked.forget(client);
    watches.unwatchAll(client);
    channels.forget(client);
    client.transaction = undefined;
  }
}
