// Mutant: the learner appends to the buffer until it contains "\r\n\r\n", with no cap. A 16 KiB header is just
// served; a client that never ends its head grows the buffer until memory runs out. RFC 6585 §5's 431 is for
// exactly this. Modelled by ignoring the byte budget the reference parser passes to each readLine.
import type { ReadTimeout, SocketReader } from '../../typescript/src/socket-reader.js';
import { type RequestHead, readRequestHead as readReference } from '../../typescript/src/request-parser.js';

export type { RequestHead };
export { MAX_HEAD_BYTES } from '../../typescript/src/request-parser.js';

export function readRequestHead(reader: SocketReader, timeout: ReadTimeout): Promise<RequestHead> {
  const unbounded = {
    readLine: (_limit: number, lineTimeout: ReadTimeout) => reader.readLine(Number.MAX_SAFE_INTEGER, lineTimeout), // the bug
  };
  return readReference(unbounded as unknown as SocketReader, timeout);
}
