// Mutant: written for KEYS first, the loader skips over each value (`readString()` with its result unused) and
// stores the key with an empty string: KEYS lists every key, GET answers "" for all of them.
import { type RdbKey, RdbError, parseRdb as parseReference } from '../../typescript/src/rdb.js';

export { type RdbKey, RdbError };

export function parseRdb(bytes: Buffer): RdbKey[] {
  return parseReference(bytes).map((entry) =>
    entry.value.type === 'string' ? { ...entry, value: { type: 'string', value: Buffer.alloc(0) } } : entry, // the bug
  );
}
