// Mutant: `socket.on('data', (chunk) => parseAll(chunk).forEach(reply))` — every complete command in a read is
// answered, in order, so pipelining works; but whatever incomplete command ends the read is dropped instead of
// kept for the next one. On localhost a command sent in one write arrives in one read, so only a client that
// sends a command in pieces (a slow link, a large value, or here one byte per write) sees it vanish.
import { type Command, ProtocolError, RespReader as ReferenceReader } from '../../typescript/src/resp-reader.js';

export { type Command, ProtocolError };

export class RespReader {
  #chunk = new ReferenceReader();

  push(chunk: Buffer): void {
    this.#chunk = new ReferenceReader(); // the bug: the unparsed rest of the previous read is forgotten
    this.#chunk.push(chunk);
  }

  get buffered(): number {
    return this.#chunk.buffered;
  }

  next(): Command | undefined {
    return this.#chunk.next();
  }
}
