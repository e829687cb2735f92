import { escapeUnquoted } from '../../expect/escape-bytes.js';
import { CR, LF, SP, type Step, incomplete, invalid, isDigit, isFieldByte, lineBreak, show } from './syntax.js';

export interface StatusLine {
  version: string;
  status: number;
  /** Possibly empty; clients ignore it (RFC 9112 §4), so stages never check it. */
  reason: string;
}

const PREFIX = Buffer.from('HTTP/1.1 ', 'latin1');
const WHERE = 'the status line';

/** Why the first bytes are not `HTTP/1.1 `; `head` holds at most the first 9 bytes. */
function prefixMistake(head: Buffer, at: number): string {
  const text = head.toString('latin1');
  if (at === 8) return `expected a space after "HTTP/1.1", got ${show(head[at])}`;
  if (/^HTTP\/\d\.\d/.test(text)) return `expected the version "HTTP/1.1", got "${text.slice(0, 8)}"`;
  if (/^http\/1\.1/i.test(text)) return `expected "HTTP/1.1", got "${text.slice(0, 8)}" (the protocol name is case-sensitive)`;
  return `expected the status line to start with "HTTP/1.1 ", but it starts with '${escapeUnquoted(head)}'`;
}

/**
 * `HTTP/1.1 SP 3DIGIT SP reason CRLF`, exactly (RFC 9112 §4). The space after the status code is
 * required even when the reason is empty: `HTTP/1.1 200\r\n` is invalid, `HTTP/1.1 200 \r\n` is fine.
 */
export function parseStatusLine(buf: Buffer): Step<StatusLine> {
  // Judge the prefix only once its 9 bytes (or a line break) are in, so the message can quote them:
  // the verdict then never changes as more bytes arrive.
  const lineBreakAt = buf.subarray(0, PREFIX.length).findIndex((byte) => byte === CR || byte === LF);
  const head = buf.subarray(0, lineBreakAt >= 0 ? lineBreakAt + 1 : PREFIX.length);
  const at = head.findIndex((byte, i) => byte !== PREFIX[i]);
  if (at >= 0) {
    if (lineBreakAt < 0 && head.length < PREFIX.length) return incomplete('the rest of the status line');
    return invalid(at, prefixMistake(head, at));
  }
  if (buf.length < PREFIX.length) return incomplete('the rest of the status line');
  for (let i = PREFIX.length; i < 12; i++) {
    if (i >= buf.length) return incomplete('the status code in the status line');
    if (!isDigit(buf[i] ?? 0)) return invalid(i, `expected a 3-digit status code after "HTTP/1.1 ", got ${show(buf[i])}`);
  }
  const status = Number(buf.toString('latin1', 9, 12));
  if (status < 100 || status > 599) return invalid(9, `status code ${status} is outside 100–599 (RFC 9110 §15)`);
  const after = buf[12];
  if (after === undefined) return incomplete('the space after the status code');
  if (isDigit(after)) return invalid(12, 'the status code has more than 3 digits');
  if (after === CR || after === LF) {
    return invalid(
      12,
      `expected a space after the status code ${status}: RFC 9112 §4 requires it even when the reason phrase ` +
        `is empty ("HTTP/1.1 ${status} OK\\r\\n", or at least "HTTP/1.1 ${status} \\r\\n")`,
    );
  }
  if (after !== SP) return invalid(12, `expected a space after the status code ${status}, got ${show(after)}`);
  let i = 13;
  for (; i < buf.length && buf[i] !== CR && buf[i] !== LF; i++) {
    if (!isFieldByte(buf[i] ?? 0)) return invalid(i, `the reason phrase contains the control byte ${show(buf[i])}`);
  }
  if (i >= buf.length) return incomplete('the \\r\\n that ends the status line');
  const end = lineBreak(buf, i, WHERE);
  if (!end.ok) return end;
  return { ok: true, value: { version: 'HTTP/1.1', status, reason: buf.toString('latin1', 13, i) }, next: end.next };
}
