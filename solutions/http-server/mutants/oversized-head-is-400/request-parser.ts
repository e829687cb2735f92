// Mutant: the limit is there, but every parse failure shares one `throw badRequest()`, so an oversized head gets
// 400 — telling the client its request is malformed when it is only too big (RFC 6585 §5 defines 431 for that).
import { HttpError } from '../../typescript/src/errors.js';
import type { ReadTimeout, SocketReader } from '../../typescript/src/socket-reader.js';
import { type RequestHead, readRequestHead as readReference } from '../../typescript/src/request-parser.js';

export type { RequestHead };
export { MAX_HEAD_BYTES } from '../../typescript/src/request-parser.js';

export async function readRequestHead(reader: SocketReader, timeout: ReadTimeout): Promise<RequestHead> {
  try {
    return await readReference(reader, timeout);
  } catch (error) {
    if (error instanceof HttpError && error.status === 431) throw new HttpError(400, error.message); // the bug
    throw error;
  }
}
