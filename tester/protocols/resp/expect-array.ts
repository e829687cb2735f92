import type { Mismatch } from '../../expect/mismatch.js';
import { type RespExpectation, describeValue, elements, mismatch } from './describe.js';
import type { RespValue } from './value.js';

const CUSTOM = 'an element passing a custom check';

/** `array[2]: …`, and `array[2][0]: …` when the element's own message already starts with a path. */
function atPath(index: number, inner: Mismatch): Mismatch {
  const message = inner.message.startsWith('array[') ? `array[${index}]${inner.message.slice('array'.length)}` : `array[${index}]: ${inner.message}`;
  return { ...inner, message };
}

function arrayExpected(n: number, order: string): string {
  return n === 0 ? 'empty array (*0\\r\\n)' : `array of ${elements(n)}${order}`;
}

/** Checks shared by both array expectations: is it an array at all, and of the right length. */
function shapeMismatch(items: RespExpectation[], actual: RespValue, expected: string): Mismatch | undefined {
  if (actual.type === 'null-array' && items.length === 0) {
    return mismatch(expected, actual, { hint: 'An empty list is *0\\r\\n; *-1\\r\\n is the null array, meaning no list at all.' });
  }
  if (actual.type !== 'array') {
    const isBareElement = items.length === 1 && items[0]?.check(actual) === undefined;
    const hint = isBareElement ? 'Wrap it in an array: *1\\r\\n, then the element.' : undefined;
    return mismatch(expected, actual, hint ? { note: 'the element itself, not an array holding it', hint } : {});
  }
  if (actual.value.length !== items.length) return mismatch(expected, actual);
  return undefined;
}

/** An array whose elements pass `items`, in order. Indexes in messages are 0-based (`array[0]`). */
export function array(items: RespExpectation[]): RespExpectation {
  const expected = arrayExpected(items.length, '');
  return {
    expected,
    check(actual) {
      const shape = shapeMismatch(items, actual, expected);
      if (shape || actual.type !== 'array') return shape;
      for (const [i, value] of actual.value.entries()) {
        const inner = items[i]?.check(value);
        if (inner) return atPath(i, inner);
      }
      return undefined;
    },
  };
}

/**
 * Pairs each expectation with a distinct element (Kuhn's augmenting paths, so overlapping
 * expectations such as two error prefixes never fail a right answer); -1 for the unmatched.
 */
function matchElements(items: RespExpectation[], values: RespValue[]): number[] {
  const passes = items.map((item) => values.map((value) => item.check(value) === undefined));
  const owner: number[] = values.map(() => -1);
  const tryItem = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < values.length; j++) {
      if (!passes[i]?.[j] || seen[j]) continue;
      seen[j] = true;
      const current = owner[j] ?? -1;
      if (current < 0 || tryItem(current, seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  items.forEach((_, i) => tryItem(i, values.map(() => false)));
  return items.map((_, i) => owner.indexOf(i));
}

/**
 * For an unordered reply of the wrong size: which expected elements it lacks and which of its elements were not
 * expected, so a learner sees *what* is missing (KEYS without the keys that expire in the future), not only a count.
 */
function sizeDifference(items: RespExpectation[], values: RespValue[]): string {
  const matched = matchElements(items, values);
  const missing = items.filter((_, i) => matched[i] === -1).map((item) => `  ${item.expected ?? CUSTOM}`);
  const extra = values.filter((_, j) => !matched.includes(j)).map((value) => `  ${describeValue(value)}`);
  const lines: string[] = [];
  if (missing.length > 0) lines.push(`Missing from the reply:\n${missing.join('\n')}`);
  if (extra.length > 0) lines.push(`Not expected in the reply:\n${extra.join('\n')}`);
  return lines.join('\n');
}

/** An array holding elements that pass `items`, in any order (KEYS, SMEMBERS). */
export function unorderedArray(items: RespExpectation[]): RespExpectation {
  const expected = arrayExpected(items.length, ', in any order');
  return {
    expected,
    check(actual) {
      const shape = shapeMismatch(items, actual, expected);
      if (shape && actual.type === 'array') return { ...shape, message: `${shape.message}\n${sizeDifference(items, actual.value)}` };
      if (shape || actual.type !== 'array') return shape;
      const matched = matchElements(items, actual.value);
      const missing = items.filter((_, i) => matched[i] === -1);
      if (missing.length === 0) return undefined;
      const names = (list: RespExpectation[]): string => list.map((item) => `  ${item.expected ?? CUSTOM}`).join('\n');
      return {
        message:
          `Expected ${expected}:\n${names(items)}\n` +
          `but these match no element of the reply (each element counts once):\n${names(missing)}`,
      };
    },
  };
}
