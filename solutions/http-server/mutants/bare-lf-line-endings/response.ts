// Mutant: the response head is joined with "\n" instead of "\r\n", as if HTTP lines ended like text-file lines.
// Lenient clients (browsers, curl) cope; HTTP/1.1 requires CRLF (RFC 9112 §2.1), and a strict client refuses it.
import { type HttpResponse, type SerializeOptions, serializeResponse as serializeReference } from '../../typescript/src/response.js';

export type { HttpResponse, SerializeOptions };
export { CONTINUE, respond } from '../../typescript/src/response.js';

export function serializeResponse(response: HttpResponse, options: SerializeOptions): Buffer {
  const bytes = serializeReference(response, options);
  const headEnd = bytes.indexOf('\r\n\r\n') + 4;
  const head = bytes.subarray(0, headEnd).toString('latin1').replaceAll('\r\n', '\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes.subarray(headEnd)]);
}
