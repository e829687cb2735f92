import { countBytes } from '../../expect/escape-bytes.js';
import { parseFieldLines } from './header-lines.js';
import { CR, HTAB, LF, SP, type Step, hexValue, incomplete, invalid, isFieldByte, lineBreak, show } from './syntax.js';

/** Far beyond any test body; stops a 40-digit size from losing precision. */
const MAX_CHUNK_SIZE = 2 ** 40;

export interface ChunkedBody {
  body: Buffer;
  trailers: [string, string][];
}

/** `chunk-size [chunk-ext] CRLF` at `pos`: the size and the offset of the chunk data. */
function parseSizeLine(buf: Buffer, pos: number): Step<number> {
  let size = 0;
  let i = pos;
  for (; i < buf.length && hexValue(buf[i] ?? 0) >= 0; i++) {
    size = size * 16 + hexValue(buf[i] ?? 0);
    if (size > MAX_CHUNK_SIZE) return invalid(i, 'the chunk size is implausibly large');
  }
  if (i >= buf.length) return incomplete(i === pos ? 'the next chunk size line' : 'the rest of a chunk size line');
  if (i === pos) return invalid(pos, `expected a hexadecimal chunk size, got ${show(buf[pos])}`);
  const digits = buf.toString('latin1', pos, i);
  // Extensions (`;name=value`, RFC 9112 §7.1.1) carry nothing the grader needs: check they are
  // introduced properly and contain no control bytes, then skip them.
  let j = i;
  while (buf[j] === SP || buf[j] === HTAB) j++;
  if (j < buf.length && buf[j] !== CR && buf[j] !== LF && buf[j] !== 0x3b) {
    return invalid(j, `expected \\r\\n or ";extension" after the chunk size ${digits}, got ${show(buf[j])}`);
  }
  for (; j < buf.length && buf[j] !== CR && buf[j] !== LF; j++) {
    if (!isFieldByte(buf[j] ?? 0)) return invalid(j, `the chunk extension contains the control byte ${show(buf[j])}`);
  }
  if (j >= buf.length) return incomplete(`the \\r\\n that ends the chunk size line "${digits}"`);
  const end = lineBreak(buf, j, `the chunk size line "${digits}"`);
  return end.ok ? { ok: true, value: size, next: end.next } : end;
}

/**
 * A chunked body from `start` (RFC 9112 §7.1): chunks, the last chunk `0`, trailer lines, CRLF.
 * Returns the decoded bytes. The CRLF after each chunk's data is checked byte for byte, because a wrong
 * chunk size (decimal instead of hex, or characters instead of bytes) shows up exactly there.
 */
export function decodeChunkedBody(buf: Buffer, start: number): Step<ChunkedBody> {
  const chunks: Buffer[] = [];
  let pos = start;
  for (;;) {
    const sizeLine = parseSizeLine(buf, pos);
    if (!sizeLine.ok) return sizeLine;
    const size = sizeLine.value;
    if (size === 0) {
      const trailers = parseFieldLines(buf, sizeLine.next, 'trailer');
      if (!trailers.ok) return trailers;
      return { ok: true, value: { body: Buffer.concat(chunks), trailers: trailers.value.fields }, next: trailers.next };
    }
    const dataEnd = sizeLine.next + size;
    if (dataEnd >= buf.length) {
      const missing = dataEnd - buf.length;
      if (missing === 0) return incomplete(`the \\r\\n after a ${size}-byte chunk`);
      return incomplete(`${countBytes(missing, 'more')} of a ${size}-byte chunk`);
    }
    const after = buf[dataEnd];
    if (after !== CR && after !== LF) {
      return invalid(
        dataEnd,
        `expected \\r\\n right after the ${countBytes(size)} of chunk data (size ${size.toString(16)} in hex), ` +
          `got ${show(after)}; ` +
          'is the chunk size the data length in bytes, written in hexadecimal?',
      );
    }
    const end = lineBreak(buf, dataEnd, `the ${size}-byte chunk data`);
    if (!end.ok) return end;
    chunks.push(buf.subarray(sizeLine.next, dataEnd));
    pos = end.next;
  }
}
