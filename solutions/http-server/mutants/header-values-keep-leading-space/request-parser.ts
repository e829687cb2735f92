// Mutant: a header value is taken as everything after the colon, without trimming the optional whitespace
// (`line.slice(line.indexOf(':') + 1)`), so `User-Agent: foo/1.0` has the value " foo/1.0".
import type { ReadTimeout, SocketReader } from '../../typescript/src/socket-reader.js';
import { type RequestHead, readRequestHead as readReference } from '../../typescript/src/request-parser.js';

export type { RequestHead };
export { MAX_HEAD_BYTES } from '../../typescript/src/request-parser.js';

export async function readRequestHead(reader: SocketReader, timeout: ReadTimeout): Promise<RequestHead> {
  const head = await readReference(reader, timeout);
  for (const values of head.headers.values()) values.forEach((value, i) => (values[i] = ` ${value}`));
  return head;
}
