import { describe, expect, it } from 'vitest';
import { escapeByte, escapeBytes, escapeUnquoted } from './escape-bytes.js';

describe('escapeBytes', () => {
  it('quotes printable ASCII as is and escapes the usual controls', () => {
    expect(escapeBytes('HTTP/1.1 200 OK\r\n\tx\0')).toBe("'HTTP/1.1 200 OK\\r\\n\\tx\\0'");
  });

  it('escapes backslash, quote and other bytes as \\xNN', () => {
    expect(escapeBytes(Buffer.from([0x5c, 0x27, 0x01, 0x7f, 0xff]))).toBe("'\\\\\\'\\x01\\x7f\\xff'");
  });

  it('shows UTF-8 text as its bytes', () => {
    expect(escapeUnquoted('é')).toBe('\\xc3\\xa9');
  });

  it('truncates past max bytes and says how many were left out', () => {
    expect(escapeBytes('abcdef', 4)).toBe("'abcd'…(2 more bytes)");
    expect(escapeBytes('x'.repeat(201))).toBe(`'${'x'.repeat(200)}'…(1 more byte)`);
  });

  it('gives every byte an escape whose length is its width', () => {
    for (let byte = 0; byte < 256; byte++) expect(escapeByte(byte).length).toBeGreaterThan(0);
    expect(escapeByte(0x0a)).toHaveLength(2);
    expect(escapeByte(0x80)).toHaveLength(4);
  });
});
