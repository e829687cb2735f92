// Mutant: responses carry no Content-Length header. Empty responses (200 for "/", 404) look fine; with a body,
// the client has no way to know its length and reads it as empty, then finds the body as stray bytes.
import { type HttpResponse, type SerializeOptions, serializeResponse as serializeReference } from '../../typescript/src/response.js';

export type { HttpResponse, SerializeOptions };
export { CONTINUE, respond } from '../../typescript/src/response.js';

export function serializeResponse(response: HttpResponse, options: SerializeOptions): Buffer {
  // latin1 maps bytes to characters one to one, so the body survives the round trip; the head comes first.
  const text = serializeReference(response, options).toString('latin1');
  return Buffer.from(text.replace(/\r\nContent-Length: \d+/, ''), 'latin1');
}
