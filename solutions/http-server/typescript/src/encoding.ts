import { gzipSync } from 'node:zlib';
import { type Fields, fieldList } from './fields.js';

/**
 * Whether the client accepts gzip content coding (RFC 9110 §12.5.3). Accept-Encoding is a list such as
 * `invalid-1, gzip, br;q=0.5`; codings are case-insensitive and `q=0` means "not acceptable". A `*` entry
 * would also allow gzip, but compressing is always optional for a server, so only an explicit gzip counts.
 */
export function acceptsGzip(headers: Fields): boolean {
  return fieldList(headers, 'accept-encoding').some((entry) => {
    const [coding = '', ...parameters] = entry.split(';').map((part) => part.trim());
    return coding.toLowerCase() === 'gzip' && !parameters.some((parameter) => /^q=0(\.0{0,3})?$/i.test(parameter));
  });
}

/**
 * Gzip a body. Synchronous on purpose: the bodies compressed here are a few bytes, for which a round trip
 * through the thread pool (zlib.gzip) costs more than the compression itself.
 */
export function gzip(body: Buffer): Buffer {
  return gzipSync(body);
}
