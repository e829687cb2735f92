/** What the RESP expectations share: their interface, and how messages name values. */
import type { Mismatch } from '../../expect/mismatch.js';
import { type RespValue, quoteBytes } from './value.js';

/**
 * A declarative check on one reply (STYLE §4): undefined when it holds. `expected` names a right value
 * (`bulk string "banana"`) for messages about arrays; checks written ad hoc may leave it out.
 */
export interface RespExpectation {
  check(actual: RespValue): Mismatch | undefined;
  readonly expected?: string;
}

/** Bytes of a value quoted in a message before it is cut. */
export const SHOWN = 60;

/** `bulk string "hey"`, `integer 3`, `null array (*-1\r\n)`: a value as a noun phrase. */
export function describeValue(value: RespValue): string {
  switch (value.type) {
    case 'simple':
      return `simple string ${quoteBytes(value.value, SHOWN)}`;
    case 'error':
      return `error ${quoteBytes(value.value, SHOWN * 2)}`;
    case 'integer':
      return `integer ${value.value}`;
    case 'bulk':
      return value.value.length === 0 ? 'empty bulk string ($0\\r\\n\\r\\n)' : `bulk string ${quoteBytes(value.value, SHOWN)}`;
    case 'null-bulk':
      return 'null bulk string ($-1\\r\\n)';
    case 'null-array':
      return 'null array (*-1\\r\\n)';
    case 'array':
      return value.value.length === 0 ? 'empty array (*0\\r\\n)' : `array of ${elements(value.value.length)}`;
  }
}

export function elements(n: number): string {
  return `${n} ${n === 1 ? 'element' : 'elements'}`;
}

/** `Expected X, got Y (note).` Callers show a whole array reply themselves (formatValue), once. */
export function mismatch(expected: string, actual: RespValue, extra: { note?: string; hint?: string } = {}): Mismatch {
  const note = extra.note ? ` (${extra.note})` : '';
  return { message: `Expected ${expected}, got ${describeValue(actual)}${note}.`, ...(extra.hint ? { hint: extra.hint } : {}) };
}

