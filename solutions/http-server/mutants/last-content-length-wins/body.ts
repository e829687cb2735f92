// Mutant: the learner's header table is `headers[name] = value`, so a repeated header overwrites the earlier one.
// `Content-Length: 5` then `Content-Length: 6` frames the body as 6 bytes; a peer that took the first value
// frames it as 5 — the ambiguity RFC 9112 §6.3 rule 5 says must be a 400, not a guess.
import type { Fields } from '../../typescript/src/fields.js';
import { type BodyFraming, bodyFraming as framingReference } from '../../typescript/src/body.js';

export { MAX_BODY_BYTES, readBody, type BodyFraming } from '../../typescript/src/body.js';

export function bodyFraming(headers: Fields): BodyFraming {
  const lastOfEach: Fields = new Map([...headers].map(([name, values]) => [name, values.slice(-1)])); // the bug
  return framingReference(lastOfEach);
}
