// Mutant: the status line is written as "HTTP/1.1 200" — code, but no space and no reason phrase after it.
// The reason phrase may be empty, but RFC 9112 §4 requires the space: "HTTP/1.1 200 \r\n" at the very least.
import { type HttpResponse, type SerializeOptions, serializeResponse as serializeReference } from '../../typescript/src/response.js';

export type { HttpResponse, SerializeOptions };
export { CONTINUE, respond } from '../../typescript/src/response.js';

export function serializeResponse(response: HttpResponse, options: SerializeOptions): Buffer {
  const bytes = serializeReference(response, options);
  const statusLineEnd = bytes.indexOf('\r\n');
  return Buffer.concat([Buffer.from(`HTTP/1.1 ${response.status}`, 'latin1'), bytes.subarray(statusLineEnd)]);
}
