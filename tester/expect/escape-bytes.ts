/**
 * Bytes as a learner can read them in a terminal or a CI log: printable ASCII as is, the usual C escapes,
 * `\xNN` for everything else. Byte-oriented on purpose: a UTF-8 character shows as its bytes, because that
 * is what went over the wire and what Content-Length counts.
 */

const NAMED: Record<number, string> = {
  0x00: '\\0',
  0x09: '\\t',
  0x0a: '\\n',
  0x0d: '\\r',
  0x27: "\\'",
  0x5c: '\\\\',
};

/** One byte, escaped. Its length is the byte's width on screen (the caret renderer relies on that). */
export function escapeByte(byte: number): string {
  const named = NAMED[byte];
  if (named !== undefined) return named;
  if (byte >= 0x20 && byte < 0x7f) return String.fromCharCode(byte);
  return `\\x${byte.toString(16).padStart(2, '0')}`;
}

/** The escaped bytes without quotes and without truncation. */
export function escapeUnquoted(bytes: Buffer | string): string {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  let out = '';
  for (const byte of buf) out += escapeByte(byte);
  return out;
}

/** `1 byte`, `5 bytes`: learner-facing counts read as English. */
export function countBytes(n: number, adjective = ''): string {
  return `${n} ${adjective ? `${adjective} ` : ''}${n === 1 ? 'byte' : 'bytes'}`;
}

/** `'HTTP/1.1 200 OK\r\n'`, then `…(N more bytes)` when longer than `max` bytes. */
export function escapeBytes(bytes: Buffer | string, max = 200): string {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  if (buf.length <= max) return `'${escapeUnquoted(buf)}'`;
  return `'${escapeUnquoted(buf.subarray(0, max))}'…(${countBytes(buf.length - max, 'more')})`;
}
