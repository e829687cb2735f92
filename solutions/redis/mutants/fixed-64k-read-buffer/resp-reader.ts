// Mutant: the learner preallocated the read buffer, `Buffer.alloc(64 * 1024)`, and appends each read with
// `chunk.copy(buffer, used)`, which copies only what fits and says nothing. Commands are parsed from it and
// compacted away, so any number of small commands work; a single command larger than 64 KiB loses its tail,
// waits forever for bytes that were dropped, and is never answered.
import { type Command, ProtocolError, RespReader as ReferenceReader } from '../../typescript/src/resp-reader.js';

export { type Command, ProtocolError };

const BUFFER_BYTES = 64 * 1024;

export class RespReader extends ReferenceReader {
  override push(chunk: Buffer): void {
    const room = BUFFER_BYTES - this.buffered;
    if (room > 0) super.push(chunk.subarray(0, room)); // the bug: the rest of the chunk is dropped
  }
}
