// Mutant: the first request of each connection is served concurrently, but after it the connection is handed to a
// single keep-alive loop that serves one connection at a time: it sticks to a connection until that one closes,
// and meanwhile no other connection's follow-up request is read. One keep-alive client, or several clients with
// one request each, never notice.
import type { Socket } from 'node:net';
import { type ReadTimeout, SocketReader as ReferenceReader } from '../../typescript/src/socket-reader.js';

export type { ReadTimeout };
export { EndOfStream, TimeoutError } from '../../typescript/src/socket-reader.js';

/** Settles when the connection the keep-alive loop is serving has closed. */
let keepAliveLoopFree: Promise<void> = Promise.resolve();

export class SocketReader extends ReferenceReader {
  readonly #closed: Promise<void>;
  /** The empty line ending a request head has been read: the next request is a follow-up. */
  #answeredOne = false;
  #turn: Promise<void> | undefined;

  constructor(socket: Socket) {
    super(socket);
    this.#closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  override async readLine(limit: number, timeout: ReadTimeout): Promise<Buffer | undefined> {
    const line = await super.readLine(limit, timeout);
    if (line?.length === 0) this.#answeredOne = true;
    return line;
  }

  override async fill(timeout: ReadTimeout): Promise<boolean> {
    if (this.#answeredOne) {
      if (this.#turn === undefined) {
        this.#turn = keepAliveLoopFree;
        keepAliveLoopFree = this.#turn.then(() => this.#closed);
      }
      await this.#turn;
      if (this.buffered > 0) return true; // bytes that arrived while waiting for the loop
    }
    return super.fill(timeout);
  }
}
