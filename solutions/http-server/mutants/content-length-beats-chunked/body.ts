// Mutant: framing checks Content-Length first — `if (headers['content-length']) ... else if (chunked) ...` — so a
// request carrying both is read by its Content-Length. A proxy in front that honours Transfer-Encoding would see
// the bytes differently; that disagreement is request smuggling (RFC 9112 §6.1, §11.2). It must be a 400.
import type { Fields } from '../../typescript/src/fields.js';
import { type BodyFraming, bodyFraming as framingReference } from '../../typescript/src/body.js';

export { MAX_BODY_BYTES, readBody, type BodyFraming } from '../../typescript/src/body.js';

export function bodyFraming(headers: Fields): BodyFraming {
  if (!headers.has('content-length')) return framingReference(headers);
  const lengthOnly = new Map(headers);
  lengthOnly.delete('transfer-encoding'); // the bug: Content-Length present, so Transfer-Encoding is never read
  return framingReference(lengthOnly);
}
