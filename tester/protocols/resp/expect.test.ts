import { describe, expect, it } from 'vitest';
import { array, bulk, errorMatching, errorText, integer, integerBetween, nullArray, nullBulk, simpleString, unorderedArray } from './expect.js';
import type { RespValue } from './value.js';

const simple = (value: string): RespValue => ({ type: 'simple', value });
const error = (value: string): RespValue => ({ type: 'error', value });
const bulkOf = (value: string | Buffer): RespValue => ({ type: 'bulk', value: Buffer.from(value) });
const int = (value: number): RespValue => ({ type: 'integer', value: BigInt(value) });
const arr = (...value: RespValue[]): RespValue => ({ type: 'array', value });

describe('simpleString', () => {
  it('passes, and names a bulk string with the same text first', () => {
    expect(simpleString('PONG').check(simple('PONG'))).toBeUndefined();
    expect(simpleString('OK').check(bulkOf('OK'))).toEqual({
      message: 'Expected simple string "OK", got bulk string "OK".',
      hint: 'Send a simple string as +OK\\r\\n (a plus sign, the text, \\r\\n); $2\\r\\nOK\\r\\n is a bulk string.',
    });
  });
  it('letter case, errors, anything else', () => {
    expect(simpleString('PONG').check(simple('pong'))?.message).toBe('Expected simple string "PONG", got simple string "pong" (it differs only in letter case).');
    expect(simpleString('PONG').check(error('PONG'))?.hint).toBe('The first byte is the type: + for a simple string (+PONG\\r\\n), - for an error.');
    expect(simpleString('PONG').check(error("ERR unknown command 'PING'"))?.message).toBe(
      `Expected simple string "PONG", got error "ERR unknown command 'PING'".`,
    );
    expect(simpleString('OK').check({ type: 'null-bulk' })?.message).toBe('Expected simple string "OK", got null bulk string ($-1\\r\\n).');
  });
});

describe('bulk', () => {
  it('names a simple string with the same text first', () => {
    expect(bulk('banana').check(simple('banana'))).toEqual({
      message: 'Expected bulk string "banana", got simple string "banana".',
      hint: 'Send a bulk string: $6\\r\\nbanana\\r\\n (a $, the length in bytes, \\r\\n, the bytes, \\r\\n); + starts a simple string.',
    });
  });
  it('an integer sent for a bulk, the null bulk for an empty string', () => {
    expect(bulk('3').check(int(3))?.hint).toBe('Send it as the bulk string $1\\r\\n3\\r\\n; :3\\r\\n is an integer.');
    expect(bulk('').check({ type: 'null-bulk' })).toEqual({
      message: 'Expected empty bulk string ($0\\r\\n\\r\\n), got null bulk string ($-1\\r\\n).',
      hint: 'An empty string is $0\\r\\n\\r\\n; $-1\\r\\n means there is no value at all.',
    });
  });
  it('extra bytes, a cut value, a UTF-8 length counted in characters', () => {
    expect(bulk('hey').check(bulkOf('hey\r\n'))).toEqual({
      message: 'Expected bulk string "hey", got it followed by 2 extra bytes: "\\r\\n".',
      hint: 'The \\r\\n that ends a bulk string is not part of its data, nor of its length.',
    });
    expect(bulk('héllo').check(bulkOf(Buffer.from('héllo').subarray(0, 5)))).toEqual({
      message: 'Expected bulk string "h\\xc3\\xa9llo", got only its first 5 bytes: "h\\xc3\\xa9ll".',
      hint: 'Bulk string lengths count bytes: the value is 5 characters but 6 bytes in UTF-8.',
    });
  });
  it('quotes short text, diffs long text, hex-windows binary', () => {
    expect(bulk('banana').check(bulkOf('banane'))?.message).toBe('Expected bulk string "banana", got bulk string "banane" (6 bytes expected, 6 received).');
    expect(bulk('Banana').check(bulkOf('banana'))?.message).toBe('Expected bulk string "Banana", got bulk string "banana" (it differs only in letter case).');
    expect(bulk('line 1\nline 2\n').check(bulkOf('line 1\nline 3\n'))?.message).toContain('- line 2\\n\n+ line 3\\n');
    const message = bulk(Buffer.from([0, 1, 2, 0xff])).check(bulkOf(Buffer.from([0, 1, 9, 0xff])))?.message;
    expect(message).toContain('The bulk string differs from the expected bytes (4 bytes expected, 4 received).');
    expect(message).toContain('First difference at byte 2: expected 0x02, got 0x09.');
  });
});

describe('integer', () => {
  it('passes, names an integer sent as text, and compares bigints', () => {
    expect(integer(3).check(int(3))).toBeUndefined();
    expect(integer(2n ** 62n).check({ type: 'integer', value: 2n ** 62n })).toBeUndefined();
    expect(integer(3).check(bulkOf('3'))).toEqual({
      message: 'Expected integer 3, got bulk string "3".',
      hint: 'Send integers as :3\\r\\n (a colon, the digits, \\r\\n).',
    });
    expect(integer(3).check(int(4))?.message).toBe('Expected integer 3, got integer 4.');
  });
});

describe('nullBulk', () => {
  it('tells the two nulls and the empty string apart', () => {
    expect(nullBulk().check({ type: 'null-bulk' })).toBeUndefined();
    expect(nullBulk().check({ type: 'null-array' })).toEqual({
      message: 'Expected null bulk string ($-1\\r\\n), got null array (*-1\\r\\n).',
      hint: 'RESP2 has two nulls: a missing string is the null bulk string $-1\\r\\n; *-1\\r\\n is the null array.',
    });
    expect(nullBulk().check(bulkOf(''))?.message).toBe('Expected null bulk string ($-1\\r\\n), got empty bulk string ($0\\r\\n\\r\\n).');
  });
  it('recognizes (nil) and null sent as text', () => {
    expect(nullBulk().check(bulkOf('(nil)'))?.hint).toBe('(nil) is how redis-cli shows the null bulk string; on the wire it is $-1\\r\\n.');
    expect(nullBulk().check(simple('null'))?.hint).toBe('Send the null bulk string $-1\\r\\n, not the text "null".');
  });
});

describe('errorMatching', () => {
  const unknown = errorMatching('ERR unknown command');
  it('passes on a prefix or a RegExp', () => {
    expect(unknown.check(error("ERR unknown command 'FOO', with args beginning with: "))).toBeUndefined();
    // Twice: a /g RegExp keeps lastIndex between test() calls unless reset.
    const arity = errorMatching(/^ERR wrong number of arguments/g);
    expect(arity.check(error("ERR wrong number of arguments for 'get' command"))).toBeUndefined();
    expect(arity.check(error("ERR wrong number of arguments for 'get' command"))).toBeUndefined();
  });
  it('an error sent as a simple string', () => {
    expect(unknown.check(simple("ERR unknown command 'FOO'"))).toEqual({
      message: `Expected error starting with "ERR unknown command", got simple string "ERR unknown command 'FOO'".`,
      hint: "Errors start with a minus sign: -ERR unknown command 'FOO'\\r\\n.",
    });
  });
  it('a missing error code, a doubled minus, letter case', () => {
    expect(unknown.check(error("unknown command 'FOO'"))?.hint).toBe('Redis errors start with an error code: -ERR unknown command…\\r\\n (here "ERR").');
    expect(unknown.check(error("-ERR unknown command 'FOO'"))?.hint).toBe('The - is the type byte; send it once, then the error text.');
    expect(unknown.check(error('ERR Unknown Command'))?.message).toBe(
      'Expected error starting with "ERR unknown command", got error "ERR Unknown Command" (it differs only in letter case).',
    );
  });
  it('other replies', () => {
    expect(unknown.check(simple('OK'))?.message).toBe('Expected error starting with "ERR unknown command", got simple string "OK".');
    expect(errorMatching(/^WRONGTYPE/).check(int(1))?.message).toBe('Expected error matching /^WRONGTYPE/, got integer 1.');
  });
});

describe('array', () => {
  it('passes, and puts a path on a nested mismatch', () => {
    expect(array([bulk('a'), integer(1)]).check(arr(bulkOf('a'), int(1)))).toBeUndefined();
    const nested = array([bulk('a'), array([integer(1), simpleString('OK')])]);
    expect(nested.check(arr(bulkOf('a'), arr(int(1), bulkOf('OK'))))).toEqual({
      message: 'array[1][1]: Expected simple string "OK", got bulk string "OK".',
      hint: 'Send a simple string as +OK\\r\\n (a plus sign, the text, \\r\\n); $2\\r\\nOK\\r\\n is a bulk string.',
    });
  });
  it('length, the null array for an empty one, a bare element', () => {
    expect(array([bulk('a'), bulk('b')]).check(arr(bulkOf('a')))?.message).toBe('Expected array of 2 elements, got array of 1 element.');
    expect(array([]).check({ type: 'null-array' })).toEqual({
      message: 'Expected empty array (*0\\r\\n), got null array (*-1\\r\\n).',
      hint: 'An empty list is *0\\r\\n; *-1\\r\\n is the null array, meaning no list at all.',
    });
    expect(array([bulk('a')]).check(bulkOf('a'))).toEqual({
      message: 'Expected array of 1 element, got bulk string "a" (the element itself, not an array holding it).',
      hint: 'Wrap it in an array: *1\\r\\n, then the element.',
    });
  });
});

describe('unorderedArray', () => {
  it('passes in any order, pairing overlapping expectations correctly', () => {
    expect(unorderedArray([bulk('a'), bulk('b')]).check(arr(bulkOf('b'), bulkOf('a')))).toBeUndefined();
    // Greedy pairing would give error("ERR x") to the first expectation and fail the second.
    const overlapping = unorderedArray([errorMatching('ERR'), errorMatching('ERR x')]);
    expect(overlapping.check(arr(error('ERR x'), error('ERR y')))).toBeUndefined();
  });
  it('lists what nothing matched; each element counts once', () => {
    expect(unorderedArray([bulk('a'), bulk('a')]).check(arr(bulkOf('a'), bulkOf('b')))?.message).toBe(
      [
        'Expected array of 2 elements, in any order:',
        '  bulk string "a"',
        '  bulk string "a"',
        'but these match no element of the reply (each element counts once):',
        '  bulk string "a"',
      ].join('\n'),
    );
    expect(unorderedArray([bulk('a')]).check(arr())?.message).toBe(
      'Expected array of 1 element, in any order, got empty array (*0\\r\\n).\nMissing from the reply:\n  bulk string "a"',
    );
  });
  it('names the missing and the unexpected elements when the size is wrong', () => {
    expect(unorderedArray([bulk('a'), bulk('b'), bulk('c')]).check(arr(bulkOf('c'), bulkOf('x')))?.message).toBe(
      [
        'Expected array of 3 elements, in any order, got array of 2 elements.',
        'Missing from the reply:',
        '  bulk string "a"',
        '  bulk string "b"',
        'Not expected in the reply:',
        '  bulk string "x"',
      ].join('\n'),
    );
  });
});

describe('errorText', () => {
  const syntax = errorText('ERR syntax error');
  it('passes only the exact text', () => {
    expect(syntax.check(error('ERR syntax error'))).toBeUndefined();
    expect(syntax.check(error('ERR syntax error near PX'))?.message).toBe(
      'Expected error "ERR syntax error", got error "ERR syntax error near PX" (it has " near PX" after the expected text).',
    );
    expect(syntax.check(error('ERR syntax'))?.message).toBe('Expected error "ERR syntax error", got error "ERR syntax" (it stops before " error").');
  });
  it("keeps errorMatching's diagnoses: missing code, letter case, not an error", () => {
    expect(syntax.check(error('syntax error'))?.hint).toBe('Redis errors start with an error code: -ERR syntax error…\\r\\n (here "ERR").');
    expect(syntax.check(error('ERR Syntax Error'))?.message).toBe('Expected error "ERR syntax error", got error "ERR Syntax Error" (it differs only in letter case).');
    expect(syntax.check(simple('ERR syntax error'))?.hint).toBe('Errors start with a minus sign: -ERR syntax error\\r\\n.');
  });
});

describe('nullArray', () => {
  it('passes *-1 and tells the two nulls and the empty array apart', () => {
    expect(nullArray().check({ type: 'null-array' })).toBeUndefined();
    expect(nullArray().check({ type: 'null-bulk' })?.message).toBe('Expected null array (*-1\\r\\n), got null bulk string ($-1\\r\\n).');
    expect(nullArray().check(arr())?.hint).toBe('*0\\r\\n is an empty array; "no result at all" is the null array *-1\\r\\n.');
    expect(nullArray().check(int(0))?.message).toBe('Expected null array (*-1\\r\\n), got integer 0.');
  });
});

describe('integerBetween', () => {
  it('passes the bounds and fails outside them', () => {
    const ttl = integerBetween(99, 100);
    expect(ttl.check(int(99))).toBeUndefined();
    expect(ttl.check(int(100))).toBeUndefined();
    expect(ttl.check(int(101))?.message).toBe('Expected integer from 99 to 100, got integer 101.');
    expect(ttl.check(int(-1))?.message).toBe('Expected integer from 99 to 100, got integer -1.');
    expect(integerBetween(3, 3).check(int(4))?.message).toBe('Expected integer 3, got integer 4.');
  });
  it('names digits sent as a string', () => {
    expect(integerBetween(1, 5).check(bulkOf('3'))?.hint).toBe('Send integers as :3\\r\\n (a colon, the digits, \\r\\n).');
  });
});
