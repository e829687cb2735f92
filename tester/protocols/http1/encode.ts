import { type HttpRequest, headerValues } from './message.js';

/** The request's bytes exactly as described: nothing added, nothing fixed (stages send broken requests on purpose). */
export function encodeRequest(request: HttpRequest): Buffer {
  let head = `${request.method} ${request.target} HTTP/1.1\r\n`;
  for (const [name, value] of request.headers) head += `${name}: ${value}\r\n`;
  head += '\r\n';
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.from(request.body);
  return Buffer.concat([Buffer.from(head, 'utf8'), body]);
}

/**
 * The request as a well-behaved client sends it: `Host` first when missing, and `Content-Length` when
 * there is a body and neither Content-Length nor Transfer-Encoding frames it.
 */
export function withDefaults(request: HttpRequest, host: string): HttpRequest {
  const headers = [...request.headers];
  if (headerValues(request, 'host').length === 0) headers.unshift(['Host', host]);
  const framed = ['content-length', 'transfer-encoding'].some((name) => headerValues(request, name).length > 0);
  if (request.body !== undefined && !framed) headers.push(['Content-Length', String(Buffer.byteLength(request.body))]);
  return { ...request, headers };
}

/** One chunk with control over its size line, for stages that test mixed-case hex or extensions. */
export interface ChunkSpec {
  data: Buffer | string;
  /** Written after `;`: `ext=1` gives `5;ext=1\r\n`. */
  extension?: string;
  /** The hex size as written (`1A` vs `1a`); defaults to lowercase hex of the data's length. */
  sizeText?: string;
}

/**
 * A chunked body (RFC 9112 §7.1): each piece as one chunk, `extensions[i]` after piece i's size, then
 * the last chunk `0`, optional trailer lines, and the final CRLF. Empty pieces are skipped, since a
 * zero-size chunk would end the body early.
 */
export function encodeChunked(
  pieces: (Buffer | string | ChunkSpec)[],
  extensions: (string | undefined)[] = [],
  trailers: [string, string][] = [],
): Buffer {
  const out: Buffer[] = [];
  for (const [index, piece] of pieces.entries()) {
    const spec: ChunkSpec = typeof piece === 'string' || Buffer.isBuffer(piece) ? { data: piece } : piece;
    const data = Buffer.from(spec.data);
    if (data.length === 0) continue;
    const extension = spec.extension ?? extensions[index];
    const size = spec.sizeText ?? data.length.toString(16);
    const sizeLine = `${size}${extension === undefined ? '' : `;${extension}`}\r\n`;
    out.push(Buffer.from(sizeLine, 'utf8'), data, Buffer.from('\r\n'));
  }
  const trailerText = trailers.map(([name, value]) => `${name}: ${value}\r\n`).join('');
  out.push(Buffer.from(`0\r\n${trailerText}\r\n`, 'utf8'));
  return Buffer.concat(out);
}
