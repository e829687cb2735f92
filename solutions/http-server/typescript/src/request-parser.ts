import { HttpError } from './errors.js';
import type { Fields } from './fields.js';
import type { ReadTimeout, SocketReader } from './socket-reader.js';

/** The request line and header section of one request: everything before the body. */
export interface RequestHead {
  method: string;
  /** The request-target exactly as sent (RFC 9112 §3.2). */
  target: string;
  /** The path the router matches: the target without its query, and without scheme and authority. */
  path: string;
  headers: Fields;
}

/** Request line, header lines and the empty line, CRLFs included: beyond this, 431 (RFC 6585 §5). */
export const MAX_HEAD_BYTES = 8192;

// RFC 9112 §3: request-line = method SP request-target SP HTTP-version — exactly one space between parts.
// The method is a token (RFC 9110 §9.1, case-sensitive); the target is visible ASCII; only HTTP/1.1 is
// spoken (the contract asks for 400 on anything else, where a general-purpose server would serve 1.0).
const TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
const REQUEST_LINE = new RegExp(`^(${TOKEN}) ([\\x21-\\x7e]+) HTTP/1\\.1$`);

// RFC 9112 §3.2: origin-form ("/path?query") is what clients send to a server; absolute-form
// ("http://host/path") must be accepted too; asterisk-form ("*") is only meaningful for OPTIONS.
const ABSOLUTE_FORM_PREFIX = /^https?:\/\/[^/?#]*/i;

// RFC 9112 §5: field-line = field-name ":" OWS field-value OWS. The name is a token followed immediately by
// the colon: whitespace before the colon MUST be rejected with 400 (§5.1), and so must a line starting with
// whitespace (obsolete line folding, §5.2) — neither matches FIELD_LINE. A value may hold visible ASCII, spaces,
// tabs and obs-text but no other control characters: a stray CR, LF or NUL is invalid (RFC 9110 §5.5) and must
// never reach code that writes headers back out. (Trimming is done in code, not with a lazy regex group, whose
// backtracking would be quadratic on a value padded with thousands of spaces.)
const FIELD_LINE = new RegExp(`^(${TOKEN}):(.*)$`, 's');
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Read and validate a request head, one CRLF-terminated line at a time, so that a malformed request line is
 * refused as soon as it is complete. All lines share one byte budget and one timeout: whether the head arrives
 * in one packet or one byte at a time, it must fit in MAX_HEAD_BYTES and be complete before `timeout`.
 *
 * Throws HttpError (400 malformed, 431 too large), TimeoutError, or EndOfStream.
 */
export async function readRequestHead(reader: SocketReader, timeout: ReadTimeout): Promise<RequestHead> {
  let budget = MAX_HEAD_BYTES;
  const nextLine = async (): Promise<string> => {
    const line = await reader.readLine(budget, timeout);
    if (line === undefined) throw new HttpError(431, `request head exceeds ${MAX_HEAD_BYTES} bytes`);
    budget -= line.length + 2;
    return line.toString('latin1');
  };

  // RFC 9112 §2.2: a server SHOULD ignore empty lines received before the request line (some clients send
  // an extra CRLF after a body). They still count against the budget.
  let line = await nextLine();
  while (line === '') line = await nextLine();
  const { method, target } = parseRequestLine(line);

  const headers: Fields = new Map();
  for (line = await nextLine(); line !== ''; line = await nextLine()) {
    const [name, value] = parseFieldLine(line);
    const values = headers.get(name);
    if (values === undefined) headers.set(name, [value]);
    else values.push(value);
  }

  // RFC 9112 §3.2: a server MUST respond 400 to an HTTP/1.1 request that lacks a Host header field or has
  // more than one.
  if (headers.get('host')?.length !== 1) throw new HttpError(400, 'a request needs exactly one Host header');

  return { method, target, path: pathOf(target), headers };
}

function parseRequestLine(line: string): { method: string; target: string } {
  const match = REQUEST_LINE.exec(line);
  const method = match?.[1];
  const target = match?.[2];
  if (method === undefined || target === undefined) {
    throw new HttpError(400, 'malformed request line: expected "METHOD SP target SP HTTP/1.1"');
  }
  if (!target.startsWith('/') && !ABSOLUTE_FORM_PREFIX.test(target) && target !== '*') {
    throw new HttpError(400, 'malformed request target');
  }
  return { method, target };
}

function parseFieldLine(line: string): [name: string, value: string] {
  const match = FIELD_LINE.exec(line);
  const name = match?.[1];
  const value = match?.[2];
  if (name === undefined || value === undefined) {
    throw new HttpError(400, 'malformed header line: expected "Name: value" with no space before the colon');
  }
  if (!FIELD_VALUE.test(value)) throw new HttpError(400, `control character in the ${name} header`);
  return [name.toLowerCase(), trimOws(value)];
}

/** Strip optional whitespace (SP and HTAB only, RFC 9110 §5.6.3) from both ends of a field value. */
function trimOws(value: string): string {
  const isOws = (index: number): boolean => value[index] === ' ' || value[index] === '\t';
  let start = 0;
  let end = value.length;
  while (start < end && isOws(start)) start++;
  while (end > start && isOws(end - 1)) end--;
  return value.slice(start, end);
}

/** The path part of a request target: "/echo/abc?x=1" → "/echo/abc", "http://h:1/a" → "/a", "*" → "*". */
function pathOf(target: string): string {
  return target.replace(ABSOLUTE_FORM_PREFIX, '').split(/[?#]/, 1)[0] || '/';
}
