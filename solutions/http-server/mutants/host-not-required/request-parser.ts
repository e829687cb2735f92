// Mutant: the learner's parser has no Host rule — nothing routes on Host, so why look? — but RFC 9112 §3.2 says a
// server MUST answer 400 to an HTTP/1.1 request without one. Modelled by handing the reference parser a
// placeholder Host line when the head ends without any.
import type { ReadTimeout, SocketReader } from '../../typescript/src/socket-reader.js';
import { type RequestHead, readRequestHead as readReference } from '../../typescript/src/request-parser.js';

export type { RequestHead };
export { MAX_HEAD_BYTES } from '../../typescript/src/request-parser.js';

export function readRequestHead(reader: SocketReader, timeout: ReadTimeout): Promise<RequestHead> {
  let inHeaders = false; // past the request line
  let hasHost = false;
  let owesEmptyLine = false;
  const hostless = {
    async readLine(limit: number, lineTimeout: ReadTimeout): Promise<Buffer | undefined> {
      if (owesEmptyLine) return Buffer.alloc(0);
      const line = await reader.readLine(limit, lineTimeout);
      if (line === undefined) return line;
      if (!inHeaders) inHeaders = line.length > 0;
      else if (/^host:/i.test(line.toString('latin1'))) hasHost = true;
      else if (line.length === 0 && !hasHost) {
        owesEmptyLine = true; // the bug: a head without Host passes as if it had one
        return Buffer.from('Host: unchecked');
      }
      return line;
    },
  };
  return readReference(hostless as unknown as SocketReader, timeout);
}
