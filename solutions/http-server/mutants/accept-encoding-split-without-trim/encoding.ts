// Mutant: Accept-Encoding is split on "," but the entries are not trimmed, so in "invalid-1, gzip, invalid-2"
// the entry is " gzip" and never equals "gzip". A lone `Accept-Encoding: gzip` still works.
import { type Fields, fieldValue } from '../../typescript/src/fields.js';

export { gzip } from '../../typescript/src/encoding.js';

export function acceptsGzip(headers: Fields): boolean {
  return (fieldValue(headers, 'accept-encoding') ?? '').split(',').includes('gzip');
}
