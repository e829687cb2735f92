import { countBytes } from '../../expect/escape-bytes.js';
import { hexWindow } from '../../expect/hex-window.js';
import type { Mismatch } from '../../expect/mismatch.js';
import { diffLines } from '../../expect/text-diff.js';
import { type RespExpectation, SHOWN, mismatch } from './describe.js';
import { type RespValue, quoteBytes } from './value.js';

export { array, unorderedArray } from './expect-array.js';
export type { RespExpectation } from './describe.js';

/** Short text is clear from the two quoted values; longer text gets a line diff. */
const QUOTE_ONLY_MAX = 80;

/** The wire form of a simple string or bulk, for hints: `$6\r\nbanana\r\n`. */
function wire(prefix: string, text: Buffer): string {
  return `${prefix}${quoteBytes(text, SHOWN).slice(1, -1)}\\r\\n`;
}

/** The text of a simple string, bulk string or error, for spotting "right text, wrong type". */
function textOf(value: RespValue): string | undefined {
  if (value.type === 'simple' || value.type === 'error') return value.value;
  if (value.type === 'bulk') return value.value.toString('utf8');
  return undefined;
}

export function simpleString(text: string): RespExpectation {
  const expected = `simple string ${quoteBytes(text, SHOWN)}`;
  const bytes = Buffer.from(text, 'utf8');
  return {
    expected,
    check(actual) {
      if (actual.type === 'simple' && actual.value === text) return undefined;
      if (actual.type === 'bulk' && actual.value.equals(bytes)) {
        return mismatch(expected, actual, {
          hint: `Send a simple string as ${wire('+', bytes)} (a plus sign, the text, \\r\\n); ${wire(`$${bytes.length}\\r\\n`, bytes)} is a bulk string.`,
        });
      }
      if (actual.type === 'error' && actual.value === text) {
        return mismatch(expected, actual, { hint: `The first byte is the type: + for a simple string (${wire('+', bytes)}), - for an error.` });
      }
      const isCaseOnly = actual.type === 'simple' && actual.value.toLowerCase() === text.toLowerCase();
      return mismatch(expected, actual, isCaseOnly ? { note: 'it differs only in letter case' } : {});
    },
  };
}

/** A bulk string's bytes, compared exactly: quoted when short, a line diff for long text, a hex window for binary. */
export function bulk(value: string | Buffer): RespExpectation {
  const want = Buffer.from(value);
  const expected = want.length === 0 ? 'empty bulk string ($0\\r\\n\\r\\n)' : `bulk string ${quoteBytes(want, SHOWN)}`;
  const header = `$${want.length}\\r\\n`;
  return {
    expected,
    check(actual) {
      if (actual.type === 'bulk') return actual.value.equals(want) ? undefined : bulkDifference(expected, want, actual.value, value);
      if (actual.type === 'simple' && actual.value === want.toString('utf8')) {
        return mismatch(expected, actual, {
          hint: `Send a bulk string: ${wire(header, want)} (a $, the length in bytes, \\r\\n, the bytes, \\r\\n); + starts a simple string.`,
        });
      }
      if (actual.type === 'integer' && String(actual.value) === want.toString('latin1')) {
        return mismatch(expected, actual, { hint: `Send it as the bulk string ${wire(header, want)}; :${actual.value}\\r\\n is an integer.` });
      }
      if (actual.type === 'null-bulk' && want.length === 0) {
        return mismatch(expected, actual, { hint: 'An empty string is $0\\r\\n\\r\\n; $-1\\r\\n means there is no value at all.' });
      }
      return mismatch(expected, actual);
    },
  };
}

function isText(buf: Buffer): boolean {
  return buf.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f));
}

/** Why two bulk strings differ, the usual mistakes first. */
function bulkDifference(expected: string, want: Buffer, got: Buffer, original: string | Buffer): Mismatch {
  const sizes = `${countBytes(want.length)} expected, ${got.length} received`;
  if (got.length > want.length && got.subarray(0, want.length).equals(want)) {
    const extra = got.subarray(want.length);
    const isCrlf = extra.equals(Buffer.from('\r\n'));
    return {
      message: `Expected ${expected}, got it followed by ${countBytes(extra.length, 'extra')}: ${quoteBytes(extra, SHOWN)}.`,
      hint: isCrlf ? 'The \\r\\n that ends a bulk string is not part of its data, nor of its length.' : 'Send exactly the bytes of the value, and its length in bytes.',
    };
  }
  if (got.length < want.length && want.subarray(0, got.length).equals(got)) {
    const characters = typeof original === 'string' ? [...original].length : -1;
    return {
      message: `Expected ${expected}, got only its first ${countBytes(got.length)}: ${quoteBytes(got, SHOWN)}.`,
      hint:
        characters === got.length
          ? `Bulk string lengths count bytes: the value is ${characters} characters but ${countBytes(want.length)} in UTF-8.`
          : 'A bulk string must hold the whole value; is a read or write cut short?',
    };
  }
  const isShort = (b: Buffer): boolean => b.length <= QUOTE_ONLY_MAX && !b.includes(0x0a);
  if (isText(want) && isText(got)) {
    const isCaseOnly = want.toString('latin1').toLowerCase() === got.toString('latin1').toLowerCase();
    const summary = `Expected ${expected}, got bulk string ${quoteBytes(got, SHOWN)} (${isCaseOnly ? 'it differs only in letter case' : sizes}).`;
    if (isShort(want) && isShort(got)) return { message: summary };
    return { message: `${summary}\n${diffLines(want.toString('latin1'), got.toString('latin1'))}` };
  }
  return { message: `The bulk string differs from the expected bytes (${sizes}).\n${hexWindow(want, got)}` };
}

export function integer(n: number | bigint): RespExpectation {
  const want = BigInt(n);
  const expected = `integer ${want}`;
  return {
    expected,
    check(actual) {
      if (actual.type === 'integer' && actual.value === want) return undefined;
      if ((actual.type === 'bulk' || actual.type === 'simple') && textOf(actual) === String(want)) {
        return mismatch(expected, actual, { hint: `Send integers as :${want}\\r\\n (a colon, the digits, \\r\\n).` });
      }
      return mismatch(expected, actual);
    },
  };
}

export function nullBulk(): RespExpectation {
  const expected = 'null bulk string ($-1\\r\\n)';
  return {
    expected,
    check(actual) {
      if (actual.type === 'null-bulk') return undefined;
      if (actual.type === 'null-array') {
        return mismatch(expected, actual, { hint: 'RESP2 has two nulls: a missing string is the null bulk string $-1\\r\\n; *-1\\r\\n is the null array.' });
      }
      if (actual.type === 'bulk' && actual.value.length === 0) {
        return mismatch(expected, actual, { hint: 'A missing value is $-1\\r\\n, not the empty string $0\\r\\n\\r\\n.' });
      }
      const text = textOf(actual);
      if (text === '(nil)') {
        return mismatch(expected, actual, { hint: '(nil) is how redis-cli shows the null bulk string; on the wire it is $-1\\r\\n.' });
      }
      if (text !== undefined && /^(nil|null|none|undefined)$/i.test(text)) {
        return mismatch(expected, actual, { hint: `Send the null bulk string $-1\\r\\n, not the text "${text}".` });
      }
      return mismatch(expected, actual);
    },
  };
}

/** An error whose text starts with `prefix` (`ERR unknown command`), or matches a RegExp. */
export function errorMatching(pattern: string | RegExp): RespExpectation {
  const matches = (text: string): boolean => {
    if (typeof pattern === 'string') return text.startsWith(pattern);
    pattern.lastIndex = 0; // a /g or /y RegExp remembers where it stopped
    return pattern.test(text);
  };
  const expected = typeof pattern === 'string' ? `error starting with ${quoteBytes(pattern)}` : `error matching ${String(pattern)}`;
  const code = typeof pattern === 'string' ? /^[A-Z]+ /.exec(pattern)?.[0] : undefined;
  return {
    expected,
    check(actual) {
      const text = textOf(actual);
      if (actual.type === 'error' && matches(actual.value)) return undefined;
      if (text === undefined) return mismatch(expected, actual);
      if (actual.type !== 'error' && matches(text)) {
        return mismatch(expected, actual, { hint: `Errors start with a minus sign: -${quoteBytes(text, SHOWN).slice(1, -1)}\\r\\n.` });
      }
      if (actual.type !== 'error') return mismatch(expected, actual);
      if (text.startsWith('-') && matches(text.slice(1))) {
        return mismatch(expected, actual, { hint: 'The - is the type byte; send it once, then the error text.' });
      }
      if (typeof pattern === 'string' && text.toLowerCase().startsWith(pattern.toLowerCase())) {
        return mismatch(expected, actual, { note: 'it differs only in letter case', hint: 'Word errors exactly as Redis does; redis-server shows the text.' });
      }
      if (code && typeof pattern === 'string' && text.toLowerCase().startsWith(pattern.slice(code.length).toLowerCase())) {
        return mismatch(expected, actual, { hint: `Redis errors start with an error code: -${pattern}…\\r\\n (here "${code.trim()}").` });
      }
      return mismatch(expected, actual);
    },
  };
}

/**
 * An error with exactly this text (`ERR syntax error`): Redis clients and tests match on it, so the stages
 * that teach an error check every character. The hints of `errorMatching` apply (missing code, letter case).
 */
export function errorText(text: string): RespExpectation {
  const expected = `error ${quoteBytes(text, SHOWN * 2)}`;
  const prefix = errorMatching(text);
  return {
    expected,
    check(actual) {
      if (actual.type === 'error' && actual.value === text) return undefined;
      if (actual.type === 'error' && actual.value.startsWith(text)) {
        return mismatch(expected, actual, { note: `it has ${quoteBytes(actual.value.slice(text.length), SHOWN)} after the expected text` });
      }
      if (actual.type === 'error' && text.startsWith(actual.value)) {
        return mismatch(expected, actual, { note: `it stops before ${quoteBytes(text.slice(actual.value.length), SHOWN)}` });
      }
      const found = prefix.check(actual);
      return found ? { ...found, message: found.message.replace(prefix.expected ?? '', expected) } : mismatch(expected, actual);
    },
  };
}

/** The null array `*-1\r\n` (BLPOP's timeout, an aborted EXEC, LPOP with a count on a missing key). */
export function nullArray(): RespExpectation {
  const expected = 'null array (*-1\\r\\n)';
  return {
    expected,
    check(actual) {
      if (actual.type === 'null-array') return undefined;
      if (actual.type === 'null-bulk') {
        return mismatch(expected, actual, { hint: 'RESP2 has two nulls: where an array was expected, "nothing" is the null array *-1\\r\\n, not $-1\\r\\n.' });
      }
      if (actual.type === 'array' && actual.value.length === 0) {
        return mismatch(expected, actual, { hint: '*0\\r\\n is an empty array; "no result at all" is the null array *-1\\r\\n.' });
      }
      return mismatch(expected, actual);
    },
  };
}

/** An integer in [min, max] (a TTL that has started counting down, a receiver count that may drop). */
export function integerBetween(min: number | bigint, max: number | bigint): RespExpectation {
  const [low, high] = [BigInt(min), BigInt(max)];
  const expected = low === high ? `integer ${low}` : `integer from ${low} to ${high}`;
  return {
    expected,
    check(actual) {
      if (actual.type === 'integer' && actual.value >= low && actual.value <= high) return undefined;
      const text = textOf(actual);
      if ((actual.type === 'bulk' || actual.type === 'simple') && text !== undefined && /^-?\d+$/.test(text)) {
        return mismatch(expected, actual, { hint: `Send integers as :${text}\\r\\n (a colon, the digits, \\r\\n).` });
      }
      return mismatch(expected, actual);
    },
  };
}
