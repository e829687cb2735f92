import { countBytes, escapeBytes } from '../../expect/escape-bytes.js';
import { hexWindow } from '../../expect/hex-window.js';
import type { Mismatch } from '../../expect/mismatch.js';
import { diffLines } from '../../expect/text-diff.js';
import { type HttpResponse, header } from './message.js';

/** Short single-line text bodies are clear from the two quoted values; longer ones get a diff. */
const QUOTE_ONLY_MAX = 80;

function isText(buf: Buffer): boolean {
  return buf.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f));
}

/** The usual reasons a body is wrong, checked before falling back to a diff; undefined when none applies. */
function commonMistake(response: HttpResponse, want: Buffer, expected: Buffer | string): Mismatch | undefined {
  const got = response.body;
  const length = header(response, 'content-length');
  if (response.framing === 'none' && got.length === 0) {
    if (length === undefined && header(response, 'transfer-encoding') === undefined) {
      return {
        message:
          `Expected a body of ${countBytes(want.length)} (${escapeBytes(want, 60)}), but the response has no Content-Length ` +
          'header (and is not chunked), so the grader reads its body as empty.',
        hint: `Send "Content-Length: ${want.length}" with the body.`,
      };
    }
    const why = `a response with status ${response.status} to this request has no body`;
    return { message: `Expected a body of ${countBytes(want.length)}, but ${why}.` };
  }
  if (response.framing === 'content-length' && got.length < want.length && want.subarray(0, got.length).equals(got)) {
    const characters = typeof expected === 'string' ? [...expected].length : -1;
    return {
      message:
        `Expected a body of ${countBytes(want.length)} (${escapeBytes(want, 60)}), but Content-Length is ${length}, ` +
        `so the body ends after ${escapeBytes(got, 60)}.`,
      hint:
        characters === got.length && characters !== want.length
          ? `Content-Length counts bytes: the body is ${characters} characters but ${countBytes(want.length)} in UTF-8.`
          : 'Set Content-Length to the length of the body in bytes.',
    };
  }
  if (got.length > want.length && got.subarray(0, want.length).equals(want)) {
    const extra = got.subarray(want.length);
    const followed = `${countBytes(extra.length, 'extra')}: ${escapeBytes(extra, 60)}`;
    return { message: `Expected body ${escapeBytes(want, 60)}, got it followed by ${followed}.` };
  }
  return undefined;
}

/** The body, byte for byte: a line diff for text, a hex window for binary. */
export function body(expected: Buffer | string): { check(response: HttpResponse): Mismatch | undefined } {
  const want = Buffer.from(expected);
  return {
    check(response) {
      const got = response.body;
      if (got.equals(want)) return undefined;
      const mistake = commonMistake(response, want, expected);
      if (mistake) return mistake;
      const sizes = `(${countBytes(want.length)} expected, ${got.length} received)`;
      if (isText(want) && isText(got)) {
        const isShort = (b: Buffer): boolean => b.length <= QUOTE_ONLY_MAX && !b.includes(0x0a);
        const summary = `Expected body ${escapeBytes(want, 60)}, got ${escapeBytes(got, 60)} ${sizes}.`;
        if (isShort(want) && isShort(got)) return { message: summary };
        return { message: `${summary}\n${diffLines(want.toString('latin1'), got.toString('latin1'))}` };
      }
      return { message: `The body differs from the expected bytes ${sizes}.\n${hexWindow(want, got)}` };
    },
  };
}
