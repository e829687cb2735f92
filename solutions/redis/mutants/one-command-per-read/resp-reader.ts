// Mutant: `socket.on('data', (chunk) => reply(execute(parse(chunk))))` — each read is parsed on its own and
// yields one command. A client that waits for each reply before sending the next command never notices; one
// that pipelines five commands in one write gets one reply, and the other four are dropped with the chunk.
import { type Command, ProtocolError, RespReader as ReferenceReader } from '../../typescript/src/resp-reader.js';

export { type Command, ProtocolError };

export class RespReader {
  #chunk = new ReferenceReader();
  #answered = false;

  push(chunk: Buffer): void {
    this.#chunk = new ReferenceReader(); // the bug: a read is a world of its own...
    this.#chunk.push(chunk);
    this.#answered = false;
  }

  get buffered(): number {
    return this.#chunk.buffered;
  }

  next(): Command | undefined {
    if (this.#answered) return undefined; // ...and holds one command
    const command = this.#chunk.next();
    if (command !== undefined) this.#answered = true;
    return command;
  }
}
