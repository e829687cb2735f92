import { describe, expect, it } from 'vitest';
import { InternalError } from '../../harness/errors.js';
import { encodeCommand, encodeInline, encodeValue } from './encode.js';

describe('encodeCommand', () => {
  it('is an array of bulk strings whose lengths count bytes', () => {
    expect(encodeCommand(['ECHO', 'hey']).toString('latin1')).toBe('*2\r\n$4\r\nECHO\r\n$3\r\nhey\r\n');
    expect(encodeCommand(['ECHO', 'é']).toString('latin1')).toBe('*2\r\n$4\r\nECHO\r\n$2\r\n\xc3\xa9\r\n');
    expect(encodeCommand(['SET', 'k', Buffer.from([0, 0x0d, 0x0a])])).toEqual(Buffer.from('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$3\r\n\x00\r\n\r\n', 'latin1'));
  });
});

describe('encodeValue', () => {
  it('encodes every type', () => {
    const value = encodeValue({
      type: 'array',
      value: [
        { type: 'simple', value: 'OK' },
        { type: 'error', value: 'ERR x' },
        { type: 'integer', value: -9223372036854775808n },
        { type: 'bulk', value: Buffer.from('') },
        { type: 'null-bulk' },
        { type: 'null-array' },
      ],
    });
    expect(value.toString('latin1')).toBe('*6\r\n+OK\r\n-ERR x\r\n:-9223372036854775808\r\n$0\r\n\r\n$-1\r\n*-1\r\n');
  });
  it('refuses a line value holding CR or LF', () => {
    expect(() => encodeValue({ type: 'simple', value: 'a\r\nb' })).toThrow(InternalError);
  });
});

describe('encodeInline', () => {
  it('joins words with spaces and ends with CRLF', () => {
    expect(encodeInline(['SET', 'k', 'v']).toString()).toBe('SET k v\r\n');
  });
  it('refuses words a server could not split back', () => {
    for (const word of ['', 'a b', 'a"b', 'a\r\n']) expect(() => encodeInline(['ECHO', word])).toThrow(InternalError);
  });
});
