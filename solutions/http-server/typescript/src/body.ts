import { HttpError } from './errors.js';
import { type Fields, fieldList } from './fields.js';
import type { ReadTimeout, SocketReader } from './socket-reader.js';

/** Largest request body accepted (1 MiB); a larger one is refused with 413 (RFC 9110 §15.5.14). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** How the end of a request body is found (RFC 9112 §6.3). */
export type BodyFraming =
  | { readonly kind: 'none' }
  | { readonly kind: 'length'; readonly length: number }
  | { readonly kind: 'chunked' };

/** Longest chunk-size line (size plus extensions) or trailer section we are willing to buffer. */
const MAX_CHUNK_LINE_BYTES = 4096;
const MAX_TRAILER_BYTES = 8192;

// RFC 9112 §7.1: chunk-size [ chunk-ext ] CRLF, where chunk-size = 1*HEXDIG and chunk-ext = *( BWS ";" ... ).
// Extensions carry nothing we use, so they are skipped, not parsed.
const CHUNK_SIZE_LINE = /^([0-9A-Fa-f]+)[\t ]*(?:;.*)?$/s;

/**
 * Decide how the body is delimited, from the headers alone — before reading any of it. This is where an
 * oversized Content-Length is refused: the 413 goes out at once instead of after a useless upload.
 *
 * Ambiguous framing is the root of request smuggling (RFC 9112 §11.2): if two parties disagree about where
 * a body ends, bytes of one request get read as another. So anything unclear is a 400, then close.
 */
export function bodyFraming(headers: Fields): BodyFraming {
  const hasLength = headers.has('content-length');
  if (headers.has('transfer-encoding')) {
    // RFC 9112 §6.1: a request with both "ought to be handled as an error"; a server MAY reject it.
    if (hasLength) throw new HttpError(400, 'both Content-Length and Transfer-Encoding');
    const codings = fieldList(headers, 'transfer-encoding').map((coding) => coding.toLowerCase());
    // RFC 9112 §6.3 rule 4: if chunked is not the final coding, the length cannot be determined: 400.
    if (codings.at(-1) !== 'chunked') throw new HttpError(400, 'Transfer-Encoding must end with chunked');
    // RFC 9112 §6.1: a transfer coding we do not implement (gzip, chunked …) deserves 501.
    if (codings.length > 1) throw new HttpError(501, `unsupported transfer coding ${codings.join(', ')}`);
    return { kind: 'chunked' };
  }
  if (hasLength) {
    // RFC 9112 §6.3 rule 5 / RFC 9110 §8.6: Content-Length = 1*DIGIT. Repeated lines (or "5, 5") are
    // tolerated only when every value is the same number; anything else is unrecoverable.
    const values = fieldList(headers, 'content-length');
    if (values.length === 0 || !values.every((value) => /^\d+$/.test(value))) {
      throw new HttpError(400, 'Content-Length is not a decimal number');
    }
    const lengths = new Set(values.map(Number));
    if (lengths.size !== 1) throw new HttpError(400, 'conflicting Content-Length values');
    const length = Number(values[0]);
    if (length > MAX_BODY_BYTES) throw new HttpError(413, `body of ${length} bytes exceeds ${MAX_BODY_BYTES}`);
    return length === 0 ? { kind: 'none' } : { kind: 'length', length };
  }
  // RFC 9112 §6.3 rule 7: a request with neither has no body.
  return { kind: 'none' };
}

/** Read the whole body as framed. Throws HttpError (400 bad chunking, 413 too large), TimeoutError or EndOfStream. */
export async function readBody(reader: SocketReader, framing: BodyFraming, timeout: ReadTimeout): Promise<Buffer> {
  switch (framing.kind) {
    case 'none':
      return Buffer.alloc(0);
    case 'length':
      return reader.readExactly(framing.length, timeout);
    case 'chunked':
      return readChunked(reader, timeout);
  }
}

/**
 * RFC 9112 §7.1: chunked-body = *chunk last-chunk trailer-section CRLF. The body must be consumed to its very
 * last CRLF, or the leftover bytes would be parsed as the start of the next request on the connection.
 */
async function readChunked(reader: SocketReader, timeout: ReadTimeout): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const sizeLine = await reader.readLine(MAX_CHUNK_LINE_BYTES, timeout);
    const hex = sizeLine === undefined ? undefined : CHUNK_SIZE_LINE.exec(sizeLine.toString('latin1'))?.[1];
    if (hex === undefined) throw new HttpError(400, 'malformed chunk size line');
    const size = parseInt(hex, 16);
    if (size === 0) break; // last-chunk
    total += size;
    // Checked before reading the chunk, so a client announcing a huge chunk is refused at once.
    if (total > MAX_BODY_BYTES) throw new HttpError(413, `chunked body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(await reader.readExactly(size, timeout));
    const end = await reader.readLine(2, timeout); // chunk-data is followed by exactly CRLF
    if (end === undefined || end.length !== 0) throw new HttpError(400, 'chunk data not followed by CRLF');
  }
  // Trailer fields (RFC 9112 §7.1.2) may be discarded by a recipient that does not use them: we only need to
  // find the empty line that ends the message.
  let budget = MAX_TRAILER_BYTES;
  for (;;) {
    const line = await reader.readLine(budget, timeout);
    if (line === undefined) throw new HttpError(431, `trailer section exceeds ${MAX_TRAILER_BYTES} bytes`);
    if (line.length === 0) break;
    budget -= line.length + 2;
  }
  return Buffer.concat(chunks, total);
}
