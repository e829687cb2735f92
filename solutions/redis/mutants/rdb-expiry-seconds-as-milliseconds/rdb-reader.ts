// Mutant: `expiresAt = reader.take(4).readInt32LE()` — the expiry after 0xFD is taken as Unix milliseconds, like
// the one after 0xFC, without the `* 1000`: it counts seconds. An expiry a day ahead then reads as a date in
// January 1970, long past, so the key is dropped as expired at load time.
import { RdbError, RdbReader as ReferenceReader } from '../../typescript/src/rdb-reader.js';

export { RdbError };

export class RdbReader extends ReferenceReader {
  override expirySeconds(): number {
    return this.take(4).readInt32LE(); // the bug: seconds, not milliseconds
  }
}
