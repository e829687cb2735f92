import { describe, expect, it } from 'vitest';
import { StageFailure } from '../../harness/errors.js';
import { decodeResponse } from './decode.js';
import { body, expectResponse, header, noHeader, status } from './expect.js';
import type { HttpResponse } from './message.js';

function response(text: string | Buffer, method = 'GET'): HttpResponse {
  const result = decodeResponse(Buffer.from(text), { method });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}
const echo = (b: string): HttpResponse => response(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}`);

describe('status', () => {
  it('passes or names both codes and the status line', () => {
    expect(status(200).check(echo('x'))).toBeUndefined();
    expect(status(201).check(echo('x'))?.message).toBe('Expected status code 201, got 200 (status line "HTTP/1.1 200 OK").');
  });
});

describe('header / noHeader', () => {
  const res = response('HTTP/1.1 200 OK\r\nContent_Type: text/plain\r\nAllow: GET\r\nAllow: HEAD\r\nX: Gzip\r\n\r\n');
  it('missing header, spotting a misspelt name', () => {
    expect(header('Content-Type', 'text/plain').check(res)?.message).toBe(
      'Expected a Content-Type header ("text/plain"), but the response has none. It has "Content_Type: text/plain": check the spelling of the name.',
    );
  });
  it('string, RegExp and predicate values, case-insensitive names', () => {
    expect(header('x', 'Gzip').check(res)).toBeUndefined();
    expect(header('X', 'gzip').check(res)?.message).toBe('Expected X to be "gzip", got "Gzip" (it differs only in letter case).');
    expect(header('X', /^gz/).check(res)?.message).toBe('Expected X to be a value matching /^gz/, got "Gzip".');
    expect(header('Allow', (v) => v.split(', ').length === 2, 'GET and HEAD, in any order').check(res)).toBeUndefined();
    expect(header('Allow', 'GET, HEAD, POST').check(res)?.message).toBe(
      'Expected one Allow header ("GET, HEAD, POST"), got 2: "GET", "HEAD".',
    );
  });
  it('noHeader', () => {
    expect(noHeader('Content-Encoding').check(res)).toBeUndefined();
    expect(noHeader('x').check(res)?.message).toBe('Expected no x header, but the response has "x: Gzip".');
  });
});

describe('body', () => {
  it('passes on equal bytes', () => {
    expect(body('abc').check(echo('abc'))).toBeUndefined();
  });
  it('names a missing Content-Length first', () => {
    const mismatch = body('hello').check(response('HTTP/1.1 200 OK\r\n\r\nhello'));
    expect(mismatch?.message).toBe(
      "Expected a body of 5 bytes ('hello'), but the response has no Content-Length header (and is not chunked), so the grader reads its body as empty.",
    );
    expect(mismatch?.hint).toBe('Send "Content-Length: 5" with the body.');
  });
  it('names a Content-Length that counts characters, not bytes', () => {
    const mismatch = body('héllo').check(response(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n'), Buffer.from('héllo')])));
    expect(mismatch?.message).toBe("Expected a body of 6 bytes ('h\\xc3\\xa9llo'), but Content-Length is 5, so the body ends after 'h\\xc3\\xa9ll'.");
    expect(mismatch?.hint).toBe('Content-Length counts bytes: the body is 5 characters but 6 bytes in UTF-8.');
  });
  it('names extra bytes at the end', () => {
    expect(body('abc').check(echo('abc\n'))?.message).toBe("Expected body 'abc', got it followed by 1 extra byte: '\\n'.");
  });
  it('quotes short text, diffs long text, hex-windows binary', () => {
    expect(body('abc').check(echo('abd'))?.message).toBe("Expected body 'abc', got 'abd' (3 bytes expected, 3 received).");
    expect(body('line 1\nline 2\n').check(echo('line 1\nline 3\n'))?.message).toContain('- line 2\\n\n+ line 3\\n');
    const binary = Buffer.from([0, 1, 2, 3]);
    const got = response(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n'), Buffer.from([0, 1, 9, 3])]));
    expect(body(binary).check(got)?.message).toContain('First difference at byte 2: expected 0x02, got 0x09.');
  });
});

describe('expectResponse', () => {
  it('throws the first mismatch with the request and the response head', () => {
    let error: unknown;
    try {
      expectResponse(response('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n'), [status(200), body('x')], {
        request: 'GET /echo/abc',
        reproduce: 'curl -v http://localhost:4221/echo/abc',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StageFailure);
    expect((error as StageFailure).message).toBe(
      [
        'Expected status code 200, got 404 (status line "HTTP/1.1 404 Not Found").',
        'Request: GET /echo/abc',
        'Response head as received:',
        '  HTTP/1.1 404 Not Found\\r\\n',
        '  Content-Length: 0\\r\\n',
        '  \\r\\n',
        'Body: empty',
      ].join('\n'),
    );
    expect((error as StageFailure).reproduce).toBe('curl -v http://localhost:4221/echo/abc');
  });
  it('passes silently', () => {
    expect(() => expectResponse(echo('x'), [status(200), body('x')], 'GET /echo/x')).not.toThrow();
  });
});
