// Mutant: the learner reads Content-Length bytes first and only then asks `if (body.length > MAX_BODY_BYTES)`.
// The 413 is right, but it comes after the whole oversized upload — or never, if the client waits for the
// verdict before sending (RFC 9110 §15.5.14: refuse as soon as the announced length is known).
import { HttpError } from '../../typescript/src/errors.js';
import { type Fields, fieldValue } from '../../typescript/src/fields.js';
import type { ReadTimeout, SocketReader } from '../../typescript/src/socket-reader.js';
import {
  type BodyFraming,
  MAX_BODY_BYTES,
  bodyFraming as framingReference,
  readBody as readReference,
} from '../../typescript/src/body.js';

export { MAX_BODY_BYTES, type BodyFraming };

export function bodyFraming(headers: Fields): BodyFraming {
  try {
    return framingReference(headers);
  } catch (error) {
    if (!(error instanceof HttpError && error.status === 413)) throw error;
    return { kind: 'length', length: Number(fieldValue(headers, 'content-length')) }; // the bug: no early refusal
  }
}

export async function readBody(reader: SocketReader, framing: BodyFraming, timeout: ReadTimeout): Promise<Buffer> {
  const body = await readReference(reader, framing, timeout);
  if (body.length > MAX_BODY_BYTES) throw new HttpError(413, `body of ${body.length} bytes is too large`);
  return body;
}
