import { describe, expect, it } from 'vitest';
import { describeType, formatValue, quoteBytes, type RespValue } from './value.js';

const bulk = (text: string | Buffer): RespValue => ({ type: 'bulk', value: Buffer.from(text) });

describe('formatValue: as redis-cli prints replies', () => {
  it('scalars', () => {
    expect(formatValue({ type: 'simple', value: 'PONG' })).toBe('PONG');
    expect(formatValue({ type: 'error', value: 'ERR unknown command' })).toBe('(error) ERR unknown command');
    expect(formatValue({ type: 'integer', value: -3n })).toBe('(integer) -3');
    expect(formatValue(bulk('hey'))).toBe('"hey"');
    expect(formatValue({ type: 'null-bulk' })).toBe('(nil)');
    expect(formatValue({ type: 'null-array' })).toBe('(nil)');
    expect(formatValue({ type: 'array', value: [] })).toBe('(empty array)');
  });

  it('escapes bulk bytes like sdscatrepr: C escapes, quotes, \\xNN for the rest', () => {
    expect(formatValue(bulk(Buffer.from('a\r\n\t"\\\x00\x07é')))).toBe('"a\\r\\n\\t\\"\\\\\\x00\\a\\xc3\\xa9"');
  });

  it('numbers array lines, right-aligned, and indents nested arrays under their number', () => {
    const nested: RespValue = { type: 'array', value: [bulk('a'), { type: 'integer', value: 1n }] };
    const items: RespValue[] = Array.from({ length: 10 }, (_, i) => (i === 1 ? nested : bulk(String(i))));
    expect(formatValue({ type: 'array', value: items }).split('\n').slice(0, 4)).toEqual([' 1) "0"', ' 2) 1) "a"', '    2) (integer) 1', ' 3) "2"']);
    expect(formatValue({ type: 'array', value: items }).split('\n').at(-1)).toBe('10) "9"');
  });

  it('cuts long bulk strings and long arrays', () => {
    expect(formatValue(bulk('abcdef'), { maxBytes: 4 })).toBe('"abcd"…(2 more bytes)');
    expect(formatValue({ type: 'array', value: [bulk('a'), bulk('b'), bulk('c')] }, { maxElements: 2 })).toBe('1) "a"\n2) "b"\n…(1 more element)');
  });
});

describe('describeType / quoteBytes', () => {
  it('names every type', () => {
    expect(describeType({ type: 'null-bulk' })).toBe('null bulk string');
    expect(describeType(bulk(''))).toBe('bulk string');
    expect(describeType({ type: 'simple', value: '' })).toBe('simple string');
  });
  it('quotes text as UTF-8 bytes', () => {
    expect(quoteBytes('é')).toBe('"\\xc3\\xa9"');
  });
});
