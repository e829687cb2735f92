// Mutant: the server compresses whenever an Accept-Encoding header is present, without looking at what it lists,
// so `Accept-Encoding: invalid-encoding` gets `Content-Encoding: gzip` too.
import type { Fields } from '../../typescript/src/fields.js';

export { gzip } from '../../typescript/src/encoding.js';

export function acceptsGzip(headers: Fields): boolean {
  return headers.has('accept-encoding');
}
