import { describe, expect, it } from 'vitest';
import { decodeChunkedBody } from './chunked.js';
import { encodeChunked, encodeRequest, withDefaults } from './encode.js';

describe('encodeRequest', () => {
  it('writes exactly what it is given', () => {
    const bytes = encodeRequest({ method: 'POST', target: '/files/a', headers: [['X', '1']], body: 'hi' });
    expect(bytes.toString()).toBe('POST /files/a HTTP/1.1\r\nX: 1\r\n\r\nhi');
  });
});

describe('withDefaults', () => {
  it('adds Host first and Content-Length for a body', () => {
    const request = withDefaults({ method: 'POST', target: '/', headers: [['User-Agent', 'a']], body: 'héllo' }, 'localhost:4221');
    expect(request.headers).toEqual([['Host', 'localhost:4221'], ['User-Agent', 'a'], ['Content-Length', '6']]);
  });

  it('keeps what the caller set and adds no length to chunked or bodiless requests', () => {
    expect(withDefaults({ method: 'GET', target: '/', headers: [['host', 'x']] }, 'h').headers).toEqual([['host', 'x']]);
    const chunked = withDefaults({ method: 'POST', target: '/', headers: [['Transfer-Encoding', 'chunked']], body: '0\r\n\r\n' }, 'h');
    expect(chunked.headers).toEqual([['Host', 'h'], ['Transfer-Encoding', 'chunked']]);
  });
});

describe('encodeChunked', () => {
  it('encodes chunks, extensions, size text and trailers, and decodes back', () => {
    const bytes = encodeChunked(['abc', { data: '0123456789', sizeText: 'A' }, '', 'xyz'], ['e=1'], [['T', 'v']]);
    expect(bytes.toString()).toBe('3;e=1\r\nabc\r\nA\r\n0123456789\r\n3\r\nxyz\r\n0\r\nT: v\r\n\r\n');
    const decoded = decodeChunkedBody(bytes, 0);
    expect(decoded.ok && decoded.value.body.toString()).toBe('abc0123456789xyz');
    expect(decoded.ok && decoded.next).toBe(bytes.length);
  });
});
