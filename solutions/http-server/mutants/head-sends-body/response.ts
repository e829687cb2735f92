// Mutant: the serializer always writes the body. HEAD runs the GET handler (right) but nothing leaves the body
// out (wrong, RFC 9110 §9.3.2), so the client, which reads no body after a HEAD response, finds stray bytes.
import { type HttpResponse, type SerializeOptions, serializeResponse as serializeReference } from '../../typescript/src/response.js';

export { CONTINUE, respond, type HttpResponse, type SerializeOptions } from '../../typescript/src/response.js';

export function serializeResponse(response: HttpResponse, options: SerializeOptions): Buffer {
  return serializeReference(response, { ...options, omitBody: false }); // the bug: omitBody is never honoured
}
