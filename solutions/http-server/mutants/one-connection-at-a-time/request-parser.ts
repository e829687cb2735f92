// Mutant (second half of one-connection-at-a-time): every request is treated as if it said `Connection: close`,
// as in the early stages where each connection carries one request. Without this, a grader client that keeps
// its first connection open would block the sequential server before `concurrent-connections`.
import type { ReadTimeout, SocketReader } from '../../typescript/src/socket-reader.js';
import { type RequestHead, readRequestHead as readReference } from '../../typescript/src/request-parser.js';

export type { RequestHead };
export { MAX_HEAD_BYTES } from '../../typescript/src/request-parser.js';

export async function readRequestHead(reader: SocketReader, timeout: ReadTimeout): Promise<RequestHead> {
  const head = await readReference(reader, timeout);
  head.headers.set('connection', ['close']);
  return head;
}
