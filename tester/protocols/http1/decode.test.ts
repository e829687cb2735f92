import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecodeResult } from '../tcp/decoder.js';
import { decodeResponse } from './decode.js';
import type { HttpResponse } from './message.js';

type Result = DecodeResult<HttpResponse>;

/**
 * Feeds every prefix of `input`, as a byte-by-byte connection would see it: each must be 'incomplete'
 * until the verdict is reached, and every verdict after that must equal the verdict on the whole input.
 */
function decodeGrowing(input: Buffer, method = 'GET'): Result {
  const whole = decodeResponse(input, { method });
  let decided = false;
  for (let n = 0; n <= input.length; n++) {
    const result = decodeResponse(input.subarray(0, n), { method });
    if (!result.ok && result.kind === 'incomplete') {
      if (decided) throw new Error(`prefix of ${n} bytes is incomplete after an earlier verdict`);
      continue;
    }
    decided = true;
    expect(result, `prefix of ${n} bytes`).toEqual(whole);
  }
  return whole;
}

const ok = (input: string, method = 'GET'): HttpResponse => {
  const result = decodeGrowing(Buffer.from(input, 'latin1'), method);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.value;
};

describe('decodeResponse: valid responses, fed whole and byte by byte', () => {
  it('status line and no framing: empty body', () => {
    const res = ok('HTTP/1.1 200 OK\r\n\r\n');
    expect(res).toMatchObject({ version: 'HTTP/1.1', status: 200, reason: 'OK', headers: [], framing: 'none', headBytes: 19 });
    expect(res.body).toEqual(Buffer.alloc(0));
  });

  it('Content-Length body, raw, headers in order with OWS trimmed', () => {
    const res = ok('HTTP/1.1 200 OK\r\nContent-Type:text/plain\r\nX-A: \t a b \t\r\nContent-Length: 3\r\n\r\nabc');
    expect(res.headers).toEqual([['Content-Type', 'text/plain'], ['X-A', 'a b'], ['Content-Length', '3']]);
    expect(res.body.toString()).toBe('abc');
    expect(res.framing).toBe('content-length');
    expect(res.raw.length).toBe(res.headBytes + 3);
  });

  it('empty reason phrase after the required space; obs-text in the reason', () => {
    expect(ok('HTTP/1.1 404 \r\n\r\n').reason).toBe('');
    expect(ok('HTTP/1.1 200 Tr\xe8s bien\r\n\r\n').reason).toBe('Tr\xe8s bien');
  });

  it('chunked: mixed-case hex, extensions, trailers; body decoded', () => {
    const res = ok(
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nA;x=1\r\n0123456789\r\n1b ; a="b"\r\nabcdefghijklmnopqrstuvwxyzZ\r\n000\r\nX-T: 1\r\n\r\n',
    );
    expect(res.body.toString()).toBe('0123456789abcdefghijklmnopqrstuvwxyzZ');
    expect(res.trailers).toEqual([['X-T', '1']]);
    expect(res.framing).toBe('chunked');
  });

  it('no body for HEAD, 1xx, 204 and 304, whatever Content-Length says', () => {
    expect(ok('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n', 'HEAD')).toMatchObject({ framing: 'none', body: Buffer.alloc(0) });
    expect(ok('HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n').body.length).toBe(0);
    expect(ok('HTTP/1.1 204 No Content\r\n\r\n').body.length).toBe(0);
    expect(ok('HTTP/1.1 100 Continue\r\n\r\n').status).toBe(100);
  });

  it('repeated Content-Length headers that agree', () => {
    expect(ok('HTTP/1.1 200 OK\r\nContent-Length: 2\r\ncontent-length: 2\r\n\r\nhi').body.toString()).toBe('hi');
  });

  it('consumes one response and leaves what follows', () => {
    const result = decodeGrowing(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nxHTTP/1.1'));
    expect(result.ok && result.consumed).toBe(39);
  });
});

const INVALID: Array<[string, string, number, string]> = [
  ['bare LF after the status line', 'HTTP/1.1 200 OK\n', 15, 'expected \\r\\n at the end of the status line, got \\n alone'],
  ['CR without LF', 'HTTP/1.1 200 OK\rX', 16, "expected \\n after \\r at the end of the status line, got 'X'"],
  [
    'no space after the status code',
    'HTTP/1.1 200\r\n\r\n',
    12,
    'expected a space after the status code 200: RFC 9112 §4 requires it even when the reason phrase is empty ("HTTP/1.1 200 OK\\r\\n", or at least "HTTP/1.1 200 \\r\\n")',
  ],
  ['HTTP/1.0', 'HTTP/1.0 200 OK\r\n', 7, 'expected the version "HTTP/1.1", got "HTTP/1.0"'],
  ['lowercase protocol', 'http/1.1 200 OK\r\n', 0, 'expected "HTTP/1.1", got "http/1.1" (the protocol name is case-sensitive)'],
  ['not HTTP at all', 'hello world\r\n', 0, `expected the status line to start with "HTTP/1.1 ", but it starts with 'hello wor'`],
  ['a short line that is not HTTP', 'OK\r\n', 0, `expected the status line to start with "HTTP/1.1 ", but it starts with 'OK\\r'`],
  ['no space after the version', 'HTTP/1.1\r\n', 8, `expected a space after "HTTP/1.1", got '\\r'`],
  ['two spaces before the code', 'HTTP/1.1  200 OK\r\n', 9, `expected a 3-digit status code after "HTTP/1.1 ", got ' '`],
  ['four-digit status', 'HTTP/1.1 2000 OK\r\n', 12, 'the status code has more than 3 digits'],
  ['status out of range', 'HTTP/1.1 600 Big\r\n', 9, 'status code 600 is outside 100–599 (RFC 9110 §15)'],
  ['control byte in the reason', 'HTTP/1.1 200 O\x01K\r\n', 14, `the reason phrase contains the control byte '\\x01'`],
  [
    'space before a header colon',
    'HTTP/1.1 200 OK\r\nContent-Length : 5\r\n\r\nhello',
    31,
    'no whitespace is allowed between the header name "Content-Length" and the colon (RFC 9112 §5.1)',
  ],
  ['header without colon', 'HTTP/1.1 200 OK\r\nFoo\r\n\r\n', 20, 'the header line "Foo" has no colon (expected "Name: value")'],
  ['empty header name', 'HTTP/1.1 200 OK\r\n: x\r\n\r\n', 17, 'a header line has an empty name before the colon'],
  ['bad byte in a header name', 'HTTP/1.1 200 OK\r\nX(y): 1\r\n\r\n', 18, `'(' is not allowed in a header name`],
  ['obsolete line folding', 'HTTP/1.1 200 OK\r\nX: a\r\n b\r\n\r\n', 23, 'a header line starts with whitespace (obsolete line folding is not allowed, RFC 9112 §5.2)'],
  ['bare LF after a header', 'HTTP/1.1 200 OK\r\nContent-Length: 0\n\r\n', 34, 'expected \\r\\n at the end of the Content-Length header line, got \\n alone'],
  ['bare LF ending the headers', 'HTTP/1.1 200 OK\r\n\n', 17, 'expected \\r\\n at the end of the empty line that ends the headers, got \\n alone'],
  ['control byte in a value', 'HTTP/1.1 200 OK\r\nX: a\x00b\r\n\r\n', 21, `the value of X contains the control byte '\\0'`],
  ['non-numeric Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n', 33, 'Content-Length must be a single decimal number, got "abc"'],
  ['Content-Length list', 'HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\n', 33, 'Content-Length must be a single decimal number, got "5, 5"'],
  [
    'disagreeing Content-Lengths',
    'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n',
    52,
    'two Content-Length headers disagree: 5 and 6',
  ],
  [
    'both Content-Length and chunked',
    'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n',
    36,
    'the response has both Content-Length and Transfer-Encoding; a sender must not send both (RFC 9112 §6.2)',
  ],
  ['unsupported transfer coding', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n', 36, 'the grader decodes only "Transfer-Encoding: chunked", got "gzip, chunked"'],
  ['chunk size not hex', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', 47, `expected a hexadecimal chunk size, got 'z'`],
  [
    'chunk longer than its size',
    'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello!\r\n0\r\n\r\n',
    55,
    `expected \\r\\n right after the 5 bytes of chunk data (size 5 in hex), got '!'; is the chunk size the data length in bytes, written in hexadecimal?`,
  ],
  ['junk after a chunk size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5x\r\n', 48, `expected \\r\\n or ";extension" after the chunk size 5, got 'x'`],
  ['bare LF after chunk data', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\n', 51, 'expected \\r\\n at the end of the 1-byte chunk data, got \\n alone'],
  ['bad trailer', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nT x\r\n\r\n', 51, 'no whitespace is allowed between the trailer name "T" and the colon (RFC 9112 §5.1)'],
];

describe('decodeResponse: each rule broken, fed whole and byte by byte', () => {
  it.each(INVALID)('%s', (_name, input, offset, message) => {
    expect(decodeGrowing(Buffer.from(input, 'latin1'))).toEqual({ ok: false, kind: 'invalid', offset, message });
  });
});

describe('decodeResponse: limits', () => {
  it('gives up on a head longer than 64 KiB', () => {
    const head = Buffer.from(`HTTP/1.1 200 OK\r\nX: ${'a'.repeat(70_000)}`);
    expect(decodeResponse(head, { method: 'GET' })).toEqual({
      ok: false,
      kind: 'invalid',
      offset: 65536,
      message: 'the status line and headers go on for more than 64 KiB without the empty line that ends them',
    });
    expect(decodeResponse(head.subarray(0, 65536), { method: 'GET' })).toMatchObject({ kind: 'incomplete' });
  });
});

describe('decodeResponse: incomplete input says what it waits for', () => {
  it.each([
    ['', 'the rest of the status line'],
    ['HTTP/1.1 200 OK', 'the \\r\\n that ends the status line'],
    ['HTTP/1.1 200 OK\r\nA: b\r\n', 'the next header line, or the empty line (\\r\\n) that ends the headers'],
    [
      'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc',
      '7 more body bytes: Content-Length is 10 but only 3 arrived; is Content-Length larger than the body you sent?',
    ],
    ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab', '3 more bytes of a 5-byte chunk'],
    ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n', 'the next trailer line, or the empty line (\\r\\n) that ends the trailers'],
  ])('%j', (input, waitingFor) => {
    expect(decodeResponse(Buffer.from(input, 'latin1'), { method: 'GET' })).toEqual({ ok: false, kind: 'incomplete', waitingFor });
  });
});

const SAMPLES = [
  'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello',
  'HTTP/1.1 404 Not Found\r\n\r\n',
  'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;e=1\r\nabc\r\nA\r\n0123456789\r\n0\r\nT: v\r\n\r\n',
].map((s) => Buffer.from(s, 'latin1'));

/** A valid response with a few bytes replaced, inserted or deleted: close to what learners send. */
const mutated = fc
  .tuple(
    fc.constantFrom(...SAMPLES),
    fc.array(fc.tuple(fc.constantFrom('replace', 'insert', 'delete'), fc.nat(), fc.constantFrom(0x0d, 0x0a, 0x20, 0x3a, 0x30, 0x41, 0x00, 0xff)), {
      maxLength: 3,
    }),
  )
  .map(([sample, edits]) => {
    const bytes = [...sample];
    for (const [kind, at, byte] of edits) {
      const i = at % (bytes.length + 1);
      if (kind === 'insert') bytes.splice(i, 0, byte);
      else if (kind === 'delete') bytes.splice(i, 1);
      else if (i < bytes.length) bytes[i] = byte;
    }
    return Buffer.from(bytes);
  });

describe('decodeResponse: properties', () => {
  it('never throws on arbitrary bytes and stays within them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('GET', 'HEAD'), (bytes, method) => {
        const buf = Buffer.from(bytes);
        const result = decodeResponse(buf, { method });
        if (result.ok) expect(result.consumed).toBeLessThanOrEqual(buf.length);
        if (!result.ok && result.kind === 'invalid') expect(result.offset).toBeLessThanOrEqual(buf.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives near-valid responses the same verdict whole and byte by byte', () => {
    fc.assert(
      fc.property(mutated, (buf) => {
        decodeGrowing(buf);
      }),
      { numRuns: 500 },
    );
  });
});
