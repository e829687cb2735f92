/**
 * Strict decoder for LF-terminated text lines (the chat track's wire). Written by hand because the grader must
 * tell a learner *why* a line is wrong — `\r\n` where the protocol says `\n`, no `\n` after 1 MiB — and where;
 * readline-style splitters silently accept both line ends and buffer without bound.
 */
import type { DecodeResult } from '../tcp/decoder.js';

/** The longest line the grader accepts from a program before calling it a framing error. */
export const DEFAULT_MAX_LINE = 1024 * 1024;

export interface LineOptions {
  /** Bytes before the `\n` beyond which the line is invalid (default 1 MiB). */
  maxLength?: number;
  /** Accept `\r\n` too, returning the line without the `\r` (default false: `\n` alone). */
  allowCrlf?: boolean;
}

/** The bytes of one line, without its `\n`. */
export function decodeLine(buf: Buffer, options: LineOptions = {}): DecodeResult<Buffer> {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LINE;
  const end = buf.indexOf(0x0a);
  if (end === -1) {
    if (buf.length > maxLength) {
      return { ok: false, kind: 'invalid', offset: maxLength, message: `no \\n within ${maxLength} bytes: a line that long is not a line` };
    }
    return { ok: false, kind: 'incomplete', waitingFor: buf.length === 0 ? 'a line' : `the \\n that ends a line (${buf.length} bytes so far)` };
  }
  if (end > maxLength) {
    return { ok: false, kind: 'invalid', offset: maxLength, message: `no \\n within ${maxLength} bytes: a line that long is not a line` };
  }
  const hasCr = end > 0 && buf[end - 1] === 0x0d;
  if (hasCr && !options.allowCrlf) {
    return { ok: false, kind: 'invalid', offset: end - 1, message: 'expected a line to end with \\n alone, got \\r\\n (this protocol ends lines with LF only)' };
  }
  return { ok: true, value: Buffer.from(buf.subarray(0, hasCr ? end - 1 : end)), consumed: end + 1 };
}
