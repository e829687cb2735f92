// Mutant: the learner splits each header line at its first colon and trims both sides —
// `const name = line.slice(0, colon).trim()` — so whitespace between name and colon, which RFC 9112 §5.1 says a
// server MUST reject with 400 (a smuggling vector), is silently forgiven. Modelled by removing that whitespace
// from each line before the reference parser sees it.
import type { ReadTimeout, SocketReader } from '../../typescript/src/socket-reader.js';
import { type RequestHead, readRequestHead as readReference } from '../../typescript/src/request-parser.js';

export type { RequestHead };
export { MAX_HEAD_BYTES } from '../../typescript/src/request-parser.js';

export function readRequestHead(reader: SocketReader, timeout: ReadTimeout): Promise<RequestHead> {
  const trimming = {
    async readLine(limit: number, lineTimeout: ReadTimeout): Promise<Buffer | undefined> {
      const line = await reader.readLine(limit, lineTimeout);
      return line && Buffer.from(line.toString('latin1').replace(/^([^:\s]+)[\t ]+:/, '$1:'), 'latin1'); // the bug
    },
  };
  return readReference(trimming as unknown as SocketReader, timeout);
}
