// Mutant (with body.ts): each read is taken to hold one whole request — the learner's
// `socket.on('data', (chunk) => handle(parse(chunk)))`. A request sent in one write arrives in one read on
// localhost, so every earlier stage passes; a head split across reads is cut short and answered 400.
// Modelled with a deadline already past: each line must already be buffered, else the head is "malformed".
import { HttpError } from '../../typescript/src/errors.js';
import { type ReadTimeout, type SocketReader, TimeoutError } from '../../typescript/src/socket-reader.js';
import { type RequestHead, readRequestHead as readReference } from '../../typescript/src/request-parser.js';

export type { RequestHead };
export { MAX_HEAD_BYTES } from '../../typescript/src/request-parser.js';

export async function readRequestHead(reader: SocketReader, _timeout: ReadTimeout): Promise<RequestHead> {
  try {
    return await readReference(reader, { until: 0 }); // the bug: never wait for the rest of the head
  } catch (error) {
    if (error instanceof TimeoutError) throw new HttpError(400, 'incomplete request head');
    throw error;
  }
}
