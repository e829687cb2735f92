import { escapeByte } from './escape-bytes.js';

/** Escaped characters shown left of the offending byte, and in the whole window. */
const LEFT_WIDTH = 40;
const WINDOW_WIDTH = 60;

/**
 * The framing-error picture (tester-utils' inspectable byte string):
 *
 *     'HTTP/1.1 200 OK\n'
 *                     ^
 *     Error: expected \r\n at the end of the status line, got \n alone
 *
 * The caret sits under the first character of the offending byte's escape, so `\n` (two characters
 * on screen for one byte) is pointed at correctly. An offset at the end of `buf` points just past it.
 */
export function renderCaret(buf: Buffer, offset: number, rule: string): string {
  const at = Math.max(0, Math.min(Math.trunc(offset), buf.length));
  let start = at;
  let leftWidth = 0;
  while (start > 0) {
    const width = escapeByte(buf[start - 1] ?? 0).length;
    if (leftWidth + width > LEFT_WIDTH) break;
    leftWidth += width;
    start--;
  }
  let end = at;
  let width = leftWidth;
  while (end < buf.length) {
    const next = escapeByte(buf[end] ?? 0).length;
    if (end > at && width + next > WINDOW_WIDTH) break;
    width += next;
    end++;
  }
  let shown = '';
  for (const byte of buf.subarray(start, end)) shown += escapeByte(byte);
  const opening = start > 0 ? "…'" : "'";
  const closing = end < buf.length ? "'…" : "'";
  return `${opening}${shown}${closing}\n${' '.repeat(opening.length + leftWidth)}^\nError: ${rule}`;
}
