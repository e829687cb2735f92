// Mutant (with request-parser.ts): the body is the rest of the read that held the head — `chunk.subarray(headEnd)` —
// so a body that arrives in later reads is cut short, and its remaining bytes are parsed as a new request.
import type { ReadTimeout, SocketReader } from '../../typescript/src/socket-reader.js';
import { type BodyFraming, readBody as readReference } from '../../typescript/src/body.js';

export { MAX_BODY_BYTES, bodyFraming, type BodyFraming } from '../../typescript/src/body.js';

export async function readBody(reader: SocketReader, framing: BodyFraming, timeout: ReadTimeout): Promise<Buffer> {
  if (framing.kind !== 'length') return readReference(reader, framing, timeout);
  const length = Math.min(framing.length, reader.buffered); // the bug: only what has already arrived
  return readReference(reader, length === 0 ? { kind: 'none' } : { kind: 'length', length }, timeout);
}
