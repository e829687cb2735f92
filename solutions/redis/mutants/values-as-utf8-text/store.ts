// Mutant: the store holds strings — `map.set(key, value.toString())`, UTF-8 by default — and GET encodes them
// back. ASCII survives the round trip, so every word the earlier stages used does; bytes that are not valid
// UTF-8 (0x80, 0xfe, 0xff, most random bytes) each become U+FFFD, three bytes EF BF BD.
import { type Clock, type Entry, Store as ReferenceStore } from '../../typescript/src/store.js';

export type { Clock, Entry };

export class Store extends ReferenceStore {
  override set(key: Buffer, entry: Entry): void {
    if (entry.type !== 'string') return super.set(key, entry);
    super.set(key, { ...entry, value: Buffer.from(entry.value.toString('utf8'), 'utf8') }); // the bug
  }
}
