import { escapeByte, escapeUnquoted } from '../../expect/escape-bytes.js';
import type { DecodeResult } from '../tcp/decoder.js';
import type { RespValue } from './value.js';

/**
 * A strict RESP2 decoder for grading, written by hand on purpose: redis-parser and hiredis are lenient
 * and fast (`:+5`, `$05`, a missing CRLF after bulk data all pass) and say nothing useful when they
 * fail. Every rejection here names the rule and the byte. Each step scans left to right and decides
 * at the first byte that breaks a rule, so a prefix of the bytes never gets a different verdict from
 * the whole (the growing-prefix tests rely on it).
 */

const CR = 0x0d;
const LF = 0x0a;
const MINUS = 0x2d;
/** Redis's proto-max-bulk-len default. */
const MAX_BULK_LENGTH = 512n * 1024n * 1024n;
/** Deeper nesting is a runaway, not a reply; it also bounds this decoder's recursion. */
const MAX_DEPTH = 64;
/** A simple string or error line this long is garbage; saying so beats rescanning it on every read. */
const MAX_LINE = 64 * 1024;
/** How much of a line without a type byte is read before judging it, so the message can quote it. */
const LOOKAHEAD = 16;
const INT64_MAX = 2n ** 63n - 1n;

type Fail = Extract<DecodeResult<RespValue>, { ok: false }>;
/** A parsed part and the offset just after it. */
type Step<T> = { ok: true; value: T; next: number } | Fail;

const incomplete = (waitingFor: string): Fail => ({ ok: false, kind: 'incomplete', waitingFor });
const invalid = (offset: number, message: string): Fail => ({ ok: false, kind: 'invalid', offset, message });
const show = (byte: number | undefined): string => (byte === undefined ? 'nothing' : `'${escapeByte(byte)}'`);
const isDigit = (byte: number | undefined): boolean => byte !== undefined && byte >= 0x30 && byte <= 0x39;

/** `buf[at]` is CR or LF ending `where`: the offset after a proper CRLF, or why there is none. */
function lineBreak(buf: Buffer, at: number, where: string): Step<null> {
  if (buf[at] === LF) return invalid(at, `expected \\r\\n at the end of ${where}, got \\n alone`);
  if (at + 1 >= buf.length) return incomplete(`the \\n after \\r at the end of ${where}`);
  if (buf[at + 1] !== LF) return invalid(at + 1, `expected \\n after \\r at the end of ${where}, got ${show(buf[at + 1])}`);
  return { ok: true, value: null, next: at + 2 };
}

/** The text of a `+` or `-` line: any bytes but CR and LF, then CRLF. */
function parseLine(buf: Buffer, start: number, where: string): Step<string> {
  const limit = Math.min(buf.length, start + MAX_LINE);
  let i = start;
  while (i < limit && buf[i] !== CR && buf[i] !== LF) i++;
  if (i === start + MAX_LINE) return invalid(i, `${where} goes on for more than 64 KiB without \\r\\n`);
  if (i >= buf.length) return incomplete(`the \\r\\n that ends ${where}`);
  const end = lineBreak(buf, i, where);
  if (!end.ok && end.kind === 'invalid' && buf[i] === CR) {
    return invalid(end.offset, `${end.message} (${where} cannot contain \\r or \\n)`);
  }
  if (!end.ok) return end;
  return { ok: true, value: buf.toString('utf8', start, i), next: end.next };
}

/**
 * A signed 64-bit decimal ending in CRLF, as Redis's string2ll accepts it: optional `-`, no `+`,
 * no leading zeros, no `-0`, no spaces.
 */
function parseNumber(buf: Buffer, start: number, where: string): Step<bigint> {
  let i = start;
  const negative = buf[i] === MINUS;
  if (negative) i++;
  if (i >= buf.length) return incomplete(`the digits of ${where}`);
  const first = buf[i];
  if (first === 0x2b) return invalid(i, `${where} has a + sign; RESP numbers are written without one`);
  if (!isDigit(first)) return invalid(i, `expected a digit in ${where}, got ${show(first)}`);
  if (negative && first === 0x30) return invalid(i, `expected a digit 1-9 after '-' in ${where} (no -0, no leading zeros), got '0'`);
  let magnitude = 0n;
  const limit = negative ? INT64_MAX + 1n : INT64_MAX;
  for (; isDigit(buf[i]); i++) {
    if (i > start + (negative ? 1 : 0) && first === 0x30) {
      return invalid(i, `expected \\r\\n after 0 in ${where} (RESP numbers have no leading zeros), got ${show(buf[i])}`);
    }
    magnitude = magnitude * 10n + BigInt((buf[i] ?? 0x30) - 0x30);
    if (magnitude > limit) return invalid(i, `${where} does not fit in a signed 64-bit integer`);
  }
  if (i >= buf.length) return incomplete(`the \\r\\n that ends ${where}`);
  if (buf[i] !== CR && buf[i] !== LF) return invalid(i, `expected a digit or \\r\\n in ${where}, got ${show(buf[i])}`);
  const end = lineBreak(buf, i, where);
  if (!end.ok) return end;
  return { ok: true, value: negative ? -magnitude : magnitude, next: end.next };
}

/**
 * Why the bytes at `at` are no RESP value. Printable text is judged once a line break or LOOKAHEAD bytes
 * are in, so the message can quote it (bare `PONG`, `HTTP/1.1`); any other byte at once.
 */
function badTypeByte(buf: Buffer, at: number): Fail {
  const rule = `expected a RESP type byte (+ - : $ *), got ${show(buf[at])}`;
  const first = buf[at] ?? 0;
  if (first === CR || first === LF) return invalid(at, `${rule}: is there an extra \\r\\n after the previous value?`);
  if (first < 0x20 || first >= 0x7f) return invalid(at, rule);
  const window = buf.subarray(at, at + LOOKAHEAD);
  const breakAt = window.findIndex((byte) => byte === CR || byte === LF);
  if (breakAt < 0 && window.length < LOOKAHEAD) return incomplete(`the rest of a line that starts with ${show(buf[at])}, which is no RESP type byte`);
  const head = breakAt < 0 ? window : window.subarray(0, breakAt + 1);
  if (/^HTTP\/\d/.test(head.toString('latin1'))) return invalid(at, `${rule}: '${escapeUnquoted(head)}' looks like an HTTP response, not RESP`);
  const line = head.subarray(0, breakAt < 0 ? head.length : breakAt);
  if (line.every((byte) => byte >= 0x20 && byte < 0x7f)) {
    const text = escapeUnquoted(line);
    const isNumber = /^-?[0-9]+$/.test(text);
    const example = breakAt < 0 ? '' : isNumber ? `, as in :${text}\\r\\n for an integer` : `, as in +${text}\\r\\n for a simple string`;
    return invalid(
      at,
      `${rule}: '${escapeUnquoted(head)}' is bare text (the inline format, which only clients use); ` +
        `a reply starts with its type byte${example}`,
    );
  }
  return invalid(at, rule);
}

/** The `$` value after its type byte at `at`. */
function parseBulk(buf: Buffer, at: number): Step<RespValue> {
  const length = parseNumber(buf, at + 1, 'the bulk string length');
  if (!length.ok) return length;
  const n = length.value;
  if (n === -1n) return { ok: true, value: { type: 'null-bulk' }, next: length.next };
  if (n < 0n) return invalid(at + 1, `a bulk string length is 0 or more, or -1 for the null bulk string; got ${n}`);
  if (n > MAX_BULK_LENGTH) return invalid(at + 1, `bulk string length ${n} is over Redis's 512 MiB limit (proto-max-bulk-len)`);
  const start = length.next;
  const end = start + Number(n);
  const after = `bulk string of length ${n}`;
  if (buf.length < end) return incomplete(`the rest of a ${after} (got ${buf.length - start} bytes)`);
  if (buf.length === end) return incomplete(`the \\r\\n after the ${after}`);
  if (buf[end] === LF) return invalid(end, `expected \\r\\n after ${after}, got \\n alone`);
  if (buf[end] !== CR) {
    return invalid(end, `expected \\r\\n after ${after}, got ${show(buf[end])}; is ${n} the length of the data in bytes?`);
  }
  if (buf.length === end + 1) return incomplete(`the \\n after the \\r that ends the ${after}`);
  if (buf[end + 1] !== LF) return invalid(end + 1, `expected \\n after the \\r that ends the ${after}, got ${show(buf[end + 1])}`);
  return { ok: true, value: { type: 'bulk', value: Buffer.from(buf.subarray(start, end)) }, next: end + 2 };
}

/** The `*` value after its type byte at `at`; `depth` counts the arrays around it. */
function parseArray(buf: Buffer, at: number, depth: number): Step<RespValue> {
  if (depth >= MAX_DEPTH) return invalid(at, `arrays are nested more than ${MAX_DEPTH} deep`);
  const count = parseNumber(buf, at + 1, 'the array length');
  if (!count.ok) return count;
  const n = count.value;
  if (n === -1n) return { ok: true, value: { type: 'null-array' }, next: count.next };
  if (n < 0n) return invalid(at + 1, `an array length is 0 or more, or -1 for the null array; got ${n}`);
  const elements: RespValue[] = [];
  let next = count.next;
  for (let i = 0n; i < n; i++) {
    const where = `element ${i + 1n} of ${n} in an array`;
    if (next >= buf.length) return incomplete(where);
    const element = parseValue(buf, next, depth + 1);
    if (!element.ok && element.kind === 'incomplete') return incomplete(`${element.waitingFor ?? 'more bytes'}, in ${where}`);
    if (!element.ok) return element;
    elements.push(element.value);
    next = element.next;
  }
  return { ok: true, value: { type: 'array', value: elements }, next };
}

function parseValue(buf: Buffer, at: number, depth: number): Step<RespValue> {
  if (at >= buf.length) return incomplete('a RESP type byte (+ - : $ *)');
  switch (buf[at]) {
    case 0x2b: {
      const line = parseLine(buf, at + 1, 'the simple string');
      return line.ok ? { ok: true, value: { type: 'simple', value: line.value }, next: line.next } : line;
    }
    case 0x2d: {
      const line = parseLine(buf, at + 1, 'the error');
      return line.ok ? { ok: true, value: { type: 'error', value: line.value }, next: line.next } : line;
    }
    case 0x3a: {
      const number = parseNumber(buf, at + 1, 'the integer');
      return number.ok ? { ok: true, value: { type: 'integer', value: number.value }, next: number.next } : number;
    }
    case 0x24:
      return parseBulk(buf, at);
    case 0x2a:
      return parseArray(buf, at, depth);
    default:
      return badTypeByte(buf, at);
  }
}

/** Decodes one RESP2 value from the start of `buf`. Never throws. */
export function decodeResp(buf: Buffer): DecodeResult<RespValue> {
  const step = parseValue(buf, 0, 0);
  return step.ok ? { ok: true, value: step.value, consumed: step.next } : step;
}
