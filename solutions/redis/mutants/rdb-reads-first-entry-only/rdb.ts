// Mutant: the loader reads "the" entry after the header, as a file with one key allows, and stops there: every key
// after the first is never loaded. Modelled by keeping only the first key the reference parser read.
import { type RdbKey, RdbError, parseRdb as parseReference } from '../../typescript/src/rdb.js';

export { type RdbKey, RdbError };

export function parseRdb(bytes: Buffer): RdbKey[] {
  return parseReference(bytes).slice(0, 1); // the bug: no loop until 0xFF
}
