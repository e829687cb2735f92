// Mutant: the Connection header is dropped as the head is parsed, so `Connection: close` is never honoured.
import type { ReadTimeout, SocketReader } from '../../typescript/src/socket-reader.js';
import { type RequestHead, readRequestHead as readReference } from '../../typescript/src/request-parser.js';

export type { RequestHead };
export { MAX_HEAD_BYTES } from '../../typescript/src/request-parser.js';

export async function readRequestHead(reader: SocketReader, timeout: ReadTimeout): Promise<RequestHead> {
  const head = await readReference(reader, timeout);
  head.headers.delete('connection');
  return head;
}
