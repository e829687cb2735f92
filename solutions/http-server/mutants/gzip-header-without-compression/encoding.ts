// Mutant: `Content-Encoding: gzip` is announced, but the body is sent as it is, never compressed.
export { acceptsGzip } from '../../typescript/src/encoding.js';

export function gzip(body: Buffer): Buffer {
  return body;
}
