// Mutant: body framing knows only Content-Length — the learner's `const length = Number(headers['content-length'] ?? 0)`.
// A chunked upload is stored as an empty file, and its chunks are then parsed as the next request.
import type { Fields } from '../../typescript/src/fields.js';
import { type BodyFraming, bodyFraming as framingReference } from '../../typescript/src/body.js';

export { MAX_BODY_BYTES, readBody, type BodyFraming } from '../../typescript/src/body.js';

export function bodyFraming(headers: Fields): BodyFraming {
  const withoutTransferEncoding = new Map(headers);
  withoutTransferEncoding.delete('transfer-encoding'); // the bug: never looked at
  return framingReference(withoutTransferEncoding);
}
