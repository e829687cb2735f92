import { escapeByte } from '../../expect/escape-bytes.js';

/**
 * RFC 9110/9112 character classes and the small result type the response decoder's parts share.
 * Every part scans left to right and stops at the first byte that breaks a rule, so the verdict on a
 * prefix of the bytes never contradicts the verdict on the whole (the byte-by-byte tests rely on it).
 */

export const CR = 0x0d;
export const LF = 0x0a;
export const SP = 0x20;
export const HTAB = 0x09;

export type Fail =
  | { ok: false; kind: 'incomplete'; waitingFor?: string }
  | { ok: false; kind: 'invalid'; offset: number; message: string };

/** A parsed part and the offset just after it. */
export type Step<T> = { ok: true; value: T; next: number } | Fail;

export function incomplete(waitingFor: string): Fail {
  return { ok: false, kind: 'incomplete', waitingFor };
}

export function invalid(offset: number, message: string): Fail {
  return { ok: false, kind: 'invalid', offset, message };
}

/** `'x'`: one byte quoted the way messages show it. */
export function show(byte: number | undefined): string {
  return byte === undefined ? 'nothing' : `'${escapeByte(byte)}'`;
}

const TOKEN_SYMBOLS = new Set([..."!#$%&'*+-.^_`|~"].map((c) => c.charCodeAt(0)));

/** `tchar` (RFC 9110 §5.6.2): what header names, methods and chunk-extension names are made of. */
export function isTchar(byte: number): boolean {
  const isLetter = (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
  return isLetter || isDigit(byte) || TOKEN_SYMBOLS.has(byte);
}

/** A byte allowed inside a field value or reason phrase: VCHAR, obs-text, SP, HTAB (no controls, no DEL). */
export function isFieldByte(byte: number): boolean {
  return byte === HTAB || (byte >= 0x20 && byte !== 0x7f);
}

export function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

export function hexValue(byte: number): number {
  if (isDigit(byte)) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x41 + 10;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x61 + 10;
  return -1;
}

/** Strips optional whitespace (SP / HTAB only; String.trim would also eat obs-text such as 0xa0). */
export function trimOws(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

/**
 * `buf[at]` is a CR or LF ending `where`: the offset after a proper CRLF, or why there is none.
 * A bare LF gets its own message because it is the most common framing mistake.
 */
export function lineBreak(buf: Buffer, at: number, where: string): Step<null> {
  if (buf[at] === LF) return invalid(at, `expected \\r\\n at the end of ${where}, got \\n alone`);
  if (at + 1 >= buf.length) return incomplete(`the \\n after \\r at the end of ${where}`);
  if (buf[at + 1] !== LF) return invalid(at + 1, `expected \\n after \\r at the end of ${where}, got ${show(buf[at + 1])}`);
  return { ok: true, value: null, next: at + 2 };
}
