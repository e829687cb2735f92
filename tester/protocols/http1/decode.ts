import { countBytes } from '../../expect/escape-bytes.js';
import type { DecodeResult } from '../tcp/decoder.js';
import { decodeChunkedBody } from './chunked.js';
import { type FieldBlock, parseFieldLines } from './header-lines.js';
import { type HttpResponse, isBodiless } from './message.js';
import { parseStatusLine } from './status-line.js';
import { type Step, incomplete, invalid } from './syntax.js';

/**
 * A strict HTTP/1.1 response decoder for grading, written by hand on purpose: client libraries such as
 * undici are lenient (bare LF, missing reason space, conflicting lengths) and would hide exactly the
 * framing mistakes a learner needs to see. Every rejection names the rule and the byte.
 */

type Framing = { kind: 'none' } | { kind: 'content-length'; length: number } | { kind: 'chunked' };

/** A head this long is garbage, not headers; saying so beats rescanning megabytes on every read. */
const MAX_HEAD_BYTES = 64 * 1024;
/** Content-Length bigger than this is reported rather than waited for. */
const MAX_CONTENT_LENGTH = 2 ** 40;

/** Which framing the headers select, or why they contradict each other (RFC 9112 §6). */
function chooseFraming(block: FieldBlock): Step<Framing> {
  let length: number | undefined;
  let lengthLine = -1;
  const codings: string[] = [];
  let codingLine = -1;
  for (const [index, [name, value]] of block.fields.entries()) {
    const lower = name.toLowerCase();
    const valueStart = block.valueStarts[index] ?? 0;
    if (lower === 'content-length') {
      if (!/^[0-9]+$/.test(value)) {
        return invalid(valueStart, `Content-Length must be a single decimal number, got "${value}"`);
      }
      const parsed = Number(value);
      if (parsed > MAX_CONTENT_LENGTH) return invalid(valueStart, `Content-Length ${value} is implausibly large`);
      if (length !== undefined && parsed !== length) {
        return invalid(valueStart, `two Content-Length headers disagree: ${length} and ${parsed}`);
      }
      length = parsed;
      lengthLine = block.lineStarts[index] ?? 0;
    } else if (lower === 'transfer-encoding') {
      codings.push(...value.split(',').map((c) => c.trim().toLowerCase()));
      codingLine = block.lineStarts[index] ?? 0;
      const joined = codings.join(', ');
      if (joined !== 'chunked') {
        return invalid(valueStart, `the grader decodes only "Transfer-Encoding: chunked", got "${joined}"`);
      }
    }
  }
  if (length !== undefined && codings.length > 0) {
    return invalid(
      Math.max(lengthLine, codingLine),
      'the response has both Content-Length and Transfer-Encoding; a sender must not send both (RFC 9112 §6.2)',
    );
  }
  if (codings.length > 0) return { ok: true, value: { kind: 'chunked' }, next: 0 };
  if (length !== undefined) return { ok: true, value: { kind: 'content-length', length }, next: 0 };
  return { ok: true, value: { kind: 'none' }, next: 0 };
}

/**
 * Decodes one response from the start of `buf`. `method` is the request's, because a response to HEAD
 * has no body. A response with neither Content-Length nor Transfer-Encoding is taken to have an EMPTY
 * body rather than one delimited by the connection closing (RFC 9112 §6.3 rule 8): CodeCrafters' tester
 * reads it that way and solutions written for it rely on that; any bytes after it are then reported as
 * unread bytes, which is where a forgotten Content-Length shows.
 */
export function decodeResponse(buf: Buffer, options: { method: string }): DecodeResult<HttpResponse> {
  const statusLine = parseStatusLine(buf);
  if (!statusLine.ok) return statusLine;
  const head = parseFieldLines(buf, statusLine.next, 'header');
  if (!head.ok && head.kind === 'incomplete' && buf.length > MAX_HEAD_BYTES) {
    return invalid(MAX_HEAD_BYTES, 'the status line and headers go on for more than 64 KiB without the empty line that ends them');
  }
  if (!head.ok) return head;
  const framing = chooseFraming(head.value);
  if (!framing.ok) return framing;

  const headBytes = head.next;
  const { status, reason, version } = statusLine.value;
  const headers = head.value.fields;
  const done = (
    body: Buffer,
    kind: HttpResponse['framing'],
    end: number,
    trailers: [string, string][] = [],
  ): DecodeResult<HttpResponse> => ({
    ok: true,
    value: { version, status, reason, headers, trailers, body, framing: kind, headBytes, raw: buf.subarray(0, end) },
    consumed: end,
  });

  if (isBodiless(options.method, status) || framing.value.kind === 'none') {
    return done(Buffer.alloc(0), 'none', headBytes);
  }
  if (framing.value.kind === 'chunked') {
    const chunked = decodeChunkedBody(buf, headBytes);
    if (!chunked.ok) return chunked;
    return done(chunked.value.body, 'chunked', chunked.next, chunked.value.trailers);
  }
  const { length } = framing.value;
  const end = headBytes + length;
  if (buf.length < end) {
    const received = buf.length - headBytes;
    return incomplete(
      `${countBytes(end - buf.length, 'more body')}: Content-Length is ${length} but only ${received} arrived; ` +
        'is Content-Length larger than the body you sent?',
    );
  }
  return done(buf.subarray(headBytes, end), 'content-length', end);
}
