import { countBytes, escapeBytes, escapeUnquoted } from '../../expect/escape-bytes.js';
import type { HttpResponse } from './message.js';

const MAX_HEAD_LINES = 20;

/**
 * A compact picture of a response for failure messages: the head line by line exactly as received
 * (escaped, so a stray `\n` or trailing space shows), then the body's size and first bytes.
 */
export function describeResponse(response: HttpResponse): string {
  const head = response.raw.subarray(0, response.headBytes).toString('latin1');
  const lines = head.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const shown = lines.slice(0, MAX_HEAD_LINES).map((line) => `  ${escapeUnquoted(Buffer.from(line, 'latin1'))}`);
  if (lines.length > MAX_HEAD_LINES) shown.push(`  …(${lines.length - MAX_HEAD_LINES} more header lines)`);
  const size = response.body.length;
  const body = size === 0 ? 'Body: empty' : `Body (${countBytes(size)}): ${escapeBytes(response.body, 100)}`;
  return ['Response head as received:', ...shown, body].join('\n');
}
