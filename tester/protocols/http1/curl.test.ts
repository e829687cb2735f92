import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { curlCommand, ncCommand } from './curl.js';
import type { HttpRequest } from './message.js';

const target = { host: 'localhost', port: 4221 };
const host: [string, string] = ['Host', 'localhost:4221'];
const get = (path: string, headers: [string, string][] = []): HttpRequest => ({ method: 'GET', target: path, headers: [host, ...headers] });

describe('curlCommand', () => {
  it('GET with headers; Host implied by the URL', () => {
    expect(curlCommand(get('/echo/abc', [['User-Agent', 'x']]), target)).toBe("curl -v http://localhost:4221/echo/abc -H 'User-Agent: x'");
  });

  it('HEAD, other methods, dot segments', () => {
    expect(curlCommand({ ...get('/'), method: 'HEAD' }, target)).toBe('curl -v -I http://localhost:4221/');
    expect(curlCommand({ ...get('/echo/a'), method: 'DELETE' }, target)).toBe('curl -v -X DELETE http://localhost:4221/echo/a');
    expect(curlCommand(get('/a/../b'), target)).toBe('curl -v --path-as-is http://localhost:4221/a/../b');
  });

  it('bodies: inline text, or piped bytes for anything else', () => {
    const post = (body: string | Buffer): HttpRequest => ({
      method: 'POST',
      target: '/files/f',
      headers: [host, ['Content-Type', 'application/octet-stream'], ['Content-Length', String(Buffer.byteLength(body))]],
      body,
    });
    expect(curlCommand(post("it's"), target)).toBe(
      `curl -v http://localhost:4221/files/f -H 'Content-Type: application/octet-stream' --data-binary 'it'\\''s'`,
    );
    expect(curlCommand(post(Buffer.from([0, 1, 0x0a])), target)).toBe(
      `printf '\\000\\001\\n' | curl -v http://localhost:4221/files/f -H 'Content-Type: application/octet-stream' --data-binary @-`,
    );
    expect(curlCommand(post('@etc'), target)).toMatch(/^printf '@etc' \| curl .* --data-binary @-$/);
  });

  it('falls back to nc for what curl cannot send as is', () => {
    const nc = (request: HttpRequest): boolean => curlCommand(request, target).startsWith('printf ');
    expect(nc({ ...get('/'), headers: [] })).toBe(true); // no Host
    expect(nc({ ...get('/'), headers: [host, ['Content-Length', '5']], body: 'abc' })).toBe(true);
    expect(nc({ ...get('/'), headers: [host, ['Transfer-Encoding', 'chunked']], body: '0\r\n\r\n' })).toBe(true);
    expect(nc(get('/a b'))).toBe(true);
    expect(nc({ ...get('/'), method: 'get' })).toBe(true);
    expect(nc(get('/', [['X', 'a'], ['x', 'b']]))).toBe(true);
  });
});

describe('ncCommand', () => {
  it('is one printf line piped into nc', () => {
    expect(ncCommand(Buffer.from("GET / HTTP/1.1\r\nX: 100%'\\\r\n\r\n"), target)).toBe(
      `printf 'GET / HTTP/1.1\\r\\nX: 100%%'\\''\\\\\\r\\n\\r\\n' | nc localhost 4221`,
    );
  });

  it('says when a long request is cut', () => {
    expect(ncCommand(Buffer.alloc(2000, 0x61), target)).toMatch(/\| nc localhost 4221 {2}# only the first 1024 of 2000 bytes shown$/);
  });

  it('replays the exact bytes through /bin/sh', () => {
    const leadingDash = ncCommand(Buffer.from('-x'), target).replace(/ \| nc localhost 4221$/, '');
    expect(leadingDash).toBe("printf '\\055x'");
    expect(execFileSync('/bin/sh', ['-c', leadingDash]).toString()).toBe('-x');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const printf = ncCommand(Buffer.from(bytes), target).replace(/ \| nc localhost 4221$/, '');
        expect(execFileSync('/bin/sh', ['-c', printf])).toEqual(Buffer.from(bytes));
      }),
      { numRuns: 100 },
    );
  });
});
