// Mutant: the loader steps over 0xFD (4 bytes) and 0xFC (8 bytes) like the other fields it has no use for, and
// stores every key without an expiry: keys that expired hours ago are served again, and keys meant to expire
// never do. Modelled by dropping the expiry the reference parser read.
import { type RdbKey, RdbError, parseRdb as parseReference } from '../../typescript/src/rdb.js';

export { type RdbKey, RdbError };

export function parseRdb(bytes: Buffer): RdbKey[] {
  return parseReference(bytes).map(({ db, key, value }) => ({ db, key, value })); // the bug: expiresAt is lost
}
