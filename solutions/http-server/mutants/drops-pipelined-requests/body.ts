// Mutant: once a request's body has been read, the connection "starts fresh" and throws away whatever else is
// buffered — the learner's `buffer = Buffer.alloc(0)` after each request, as if one read held one request.
// Requests sent one at a time never notice; three pipelined in one write get one answer, then silence.
import type { ReadTimeout, SocketReader } from '../../typescript/src/socket-reader.js';
import { type BodyFraming, readBody as readReference } from '../../typescript/src/body.js';

export { MAX_BODY_BYTES, bodyFraming, type BodyFraming } from '../../typescript/src/body.js';

export async function readBody(reader: SocketReader, framing: BodyFraming, timeout: ReadTimeout): Promise<Buffer> {
  const body = await readReference(reader, framing, timeout);
  if (reader.buffered > 0) await reader.readExactly(reader.buffered, timeout); // the bug: discard the rest
  return body;
}
