import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecodeResult } from '../tcp/decoder.js';
import { decodeResp } from './decode.js';
import { encodeValue } from './encode.js';
import { respValue } from './fixture.js';
import type { RespValue } from './value.js';

type Result = DecodeResult<RespValue>;

/**
 * Feeds every prefix of `input`, as a byte-by-byte connection would see it: each must be 'incomplete'
 * until the verdict is reached, and every verdict after that must equal the verdict on the whole input.
 */
function decodeGrowing(input: Buffer): Result {
  const whole = decodeResp(input);
  let decided = false;
  for (let n = 0; n <= input.length; n++) {
    const result = decodeResp(input.subarray(0, n));
    if (!result.ok && result.kind === 'incomplete') {
      if (decided) throw new Error(`prefix of ${n} bytes is incomplete after an earlier verdict`);
      continue;
    }
    decided = true;
    expect(result, `prefix of ${n} bytes`).toEqual(whole);
  }
  return whole;
}

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');
const bulk = (text: string | Buffer): RespValue => ({ type: 'bulk', value: Buffer.from(text) });

const VALID: Array<[string, string, RespValue, number?]> = [
  ['simple string', '+PONG\r\n', { type: 'simple', value: 'PONG' }],
  ['empty simple string', '+\r\n', { type: 'simple', value: '' }],
  ['UTF-8 simple string', '+h\xc3\xa9\r\n', { type: 'simple', value: 'hé' }],
  ['error', "-ERR unknown command 'FOO'\r\n", { type: 'error', value: "ERR unknown command 'FOO'" }],
  ['zero', ':0\r\n', { type: 'integer', value: 0n }],
  ['negative integer', ':-42\r\n', { type: 'integer', value: -42n }],
  ['int64 max', ':9223372036854775807\r\n', { type: 'integer', value: 9223372036854775807n }],
  ['int64 min', ':-9223372036854775808\r\n', { type: 'integer', value: -9223372036854775808n }],
  ['bulk string', '$3\r\nhey\r\n', bulk('hey')],
  ['binary bulk with CRLF and NUL', '$6\r\na\r\n\x00\xff\n\r\n', bulk(bytes('a\r\n\x00\xff\n'))],
  ['empty bulk', '$0\r\n\r\n', bulk('')],
  ['null bulk', '$-1\r\n', { type: 'null-bulk' }],
  ['null array', '*-1\r\n', { type: 'null-array' }],
  ['empty array', '*0\r\n', { type: 'array', value: [] }],
  [
    'nested array of every type',
    '*3\r\n*2\r\n:1\r\n$-1\r\n+OK\r\n*2\r\n-E\r\n*-1\r\n',
    {
      type: 'array',
      value: [
        { type: 'array', value: [{ type: 'integer', value: 1n }, { type: 'null-bulk' }] },
        { type: 'simple', value: 'OK' },
        { type: 'array', value: [{ type: 'error', value: 'E' }, { type: 'null-array' }] },
      ],
    },
  ],
  ['one value, leaving what follows', '+OK\r\n+PONG\r\n', { type: 'simple', value: 'OK' }, 5],
];

describe('decodeResp: valid values, fed whole and byte by byte', () => {
  it.each(VALID)('%s', (_name, input, value, consumed) => {
    expect(decodeGrowing(bytes(input))).toEqual({ ok: true, value, consumed: consumed ?? input.length });
  });

  it('arrays nested 64 deep', () => {
    const input = `${'*1\r\n'.repeat(63)}*0\r\n`;
    expect(decodeResp(bytes(input)).ok).toBe(true);
  });
});

const RULE = 'expected a RESP type byte (+ - : $ *), got';
const INVALID: Array<[string, string, number, string]> = [
  [
    'bare text (an inline reply)',
    'PONG\r\n',
    0,
    `${RULE} 'P': 'PONG\\r' is bare text (the inline format, which only clients use); a reply starts with its type byte, as in +PONG\\r\\n for a simple string`,
  ],
  [
    'a bare number',
    '3\r\n',
    0,
    `${RULE} '3': '3\\r' is bare text (the inline format, which only clients use); a reply starts with its type byte, as in :3\\r\\n for an integer`,
  ],
  [
    'long text without a line break',
    'hello world, this is text',
    0,
    `${RULE} 'h': 'hello world, thi' is bare text (the inline format, which only clients use); a reply starts with its type byte`,
  ],
  ['an HTTP response', 'HTTP/1.1 200 OK\r\n', 0, `${RULE} 'H': 'HTTP/1.1 200 OK\\r' looks like an HTTP response, not RESP`],
  ['an extra CRLF', '\r\n+OK\r\n', 0, `${RULE} '\\r': is there an extra \\r\\n after the previous value?`],
  ['a control byte', '\x00\x01', 0, `${RULE} '\\0'`],
  ['bare LF after a simple string', '+OK\n', 3, 'expected \\r\\n at the end of the simple string, got \\n alone'],
  ['CR inside a simple string', '+O\rK\r\n', 3, "expected \\n after \\r at the end of the simple string, got 'K' (the simple string cannot contain \\r or \\n)"],
  ['bare LF after an error', '-ERR x\n', 6, 'expected \\r\\n at the end of the error, got \\n alone'],
  ['integer with + sign', ':+5\r\n', 1, 'the integer has a + sign; RESP numbers are written without one'],
  ['integer with a space', ': 5\r\n', 1, "expected a digit in the integer, got ' '"],
  ['integer without digits', ':\r\n', 1, "expected a digit in the integer, got '\\r'"],
  ['integer with trailing garbage', ':12a\r\n', 3, "expected a digit or \\r\\n in the integer, got 'a'"],
  ['integer with leading zero', ':007\r\n', 2, "expected \\r\\n after 0 in the integer (RESP numbers have no leading zeros), got '0'"],
  ['minus zero', ':-0\r\n', 2, "expected a digit 1-9 after '-' in the integer (no -0, no leading zeros), got '0'"],
  ['integer over int64', ':9223372036854775808\r\n', 19, 'the integer does not fit in a signed 64-bit integer'],
  ['integer under int64', ':-9223372036854775809\r\n', 20, 'the integer does not fit in a signed 64-bit integer'],
  ['bare LF after an integer', ':1\n', 2, 'expected \\r\\n at the end of the integer, got \\n alone'],
  ['data longer than the bulk length', '$3\r\nhello\r\n', 7, "expected \\r\\n after bulk string of length 3, got 'l'; is 3 the length of the data in bytes?"],
  ['bare LF after bulk data', '$5\r\nhello\n', 9, 'expected \\r\\n after bulk string of length 5, got \\n alone'],
  ['CR then junk after bulk data', '$1\r\nx\rx', 6, "expected \\n after the \\r that ends the bulk string of length 1, got 'x'"],
  ['bulk length -2', '$-2\r\n', 1, 'a bulk string length is 0 or more, or -1 for the null bulk string; got -2'],
  ['bulk length over 512 MiB', '$536870913\r\n', 1, "bulk string length 536870913 is over Redis's 512 MiB limit (proto-max-bulk-len)"],
  ['bulk length with + sign', '$+3\r\nhey\r\n', 1, 'the bulk string length has a + sign; RESP numbers are written without one'],
  ['bare LF after the bulk length', '$3\nhey\r\n', 2, 'expected \\r\\n at the end of the bulk string length, got \\n alone'],
  ['array length -5', '*-5\r\n', 1, 'an array length is 0 or more, or -1 for the null array; got -5'],
  ['array length not a number', '*x\r\n', 1, "expected a digit in the array length, got 'x'"],
  ['bad element inside an array', '*2\r\n+OK\r\nhey\r\n', 9, `${RULE} 'h': 'hey\\r' is bare text (the inline format, which only clients use); a reply starts with its type byte, as in +hey\\r\\n for a simple string`],
  ['arrays nested 65 deep', `${'*1\r\n'.repeat(64)}*0\r\n`, 256, 'arrays are nested more than 64 deep'],
];

describe('decodeResp: each rule broken, fed whole and byte by byte', () => {
  it.each(INVALID)('%s', (_name, input, offset, message) => {
    expect(decodeGrowing(bytes(input))).toEqual({ ok: false, kind: 'invalid', offset, message });
  });

  it('gives up on a simple string longer than 64 KiB', () => {
    const input = bytes(`+${'a'.repeat(70_000)}`);
    expect(decodeResp(input)).toEqual({ ok: false, kind: 'invalid', offset: 65537, message: 'the simple string goes on for more than 64 KiB without \\r\\n' });
    expect(decodeResp(input.subarray(0, 65536))).toMatchObject({ kind: 'incomplete' });
  });
});

describe('decodeResp: incomplete input says what it waits for', () => {
  it.each([
    ['', 'a RESP type byte (+ - : $ *)'],
    ['+PON', 'the \\r\\n that ends the simple string'],
    ['+PONG\r', 'the \\n after \\r at the end of the simple string'],
    [':', 'the digits of the integer'],
    ['$10', 'the \\r\\n that ends the bulk string length'],
    ['$1048576\r\n + 4096 bytes', 'the rest of a bulk string of length 1048576 (got 4096 bytes)'],
    ['$3\r\nhey', 'the \\r\\n after the bulk string of length 3'],
    ['$3\r\nhey\r', 'the \\n after the \\r that ends the bulk string of length 3'],
    ['*2\r\n$1\r\na\r\n', 'element 2 of 2 in an array'],
    ['*2\r\n$1\r\na\r\n$5\r\nab', 'the rest of a bulk string of length 5 (got 2 bytes), in element 2 of 2 in an array'],
    ['P', "the rest of a line that starts with 'P', which is no RESP type byte"],
  ])('%j', (input, waitingFor) => {
    const buf = input.endsWith(' + 4096 bytes') ? Buffer.concat([bytes('$1048576\r\n'), Buffer.alloc(4096, 0x78)]) : bytes(input);
    expect(decodeResp(buf)).toEqual({ ok: false, kind: 'incomplete', waitingFor });
  });
});


describe('decodeResp: properties', () => {
  it('never throws on arbitrary bytes and stays within them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (input) => {
        const buf = Buffer.from(input);
        const result = decodeResp(buf);
        if (result.ok) expect(result.consumed).toBeLessThanOrEqual(buf.length);
        if (!result.ok && result.kind === 'invalid') expect(result.offset).toBeLessThanOrEqual(buf.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on RESP-shaped bytes (type bytes, digits, CRLF)', () => {
    const alphabet = fc.constantFrom(...bytes('+-:$*0123456789\r\nab'));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (input) => {
        const result = decodeResp(Buffer.from(input));
        if (result.ok) expect(result.consumed).toBeLessThanOrEqual(input.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('decodes what encodeValue encodes, with the same verdict whole and byte by byte', () => {
    fc.assert(
      fc.property(respValue, (value) => {
        const encoded = encodeValue(value);
        expect(decodeGrowing(encoded)).toEqual({ ok: true, value, consumed: encoded.length });
      }),
      { numRuns: 300 },
    );
  });
});
