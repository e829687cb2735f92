// Mutant: expiry is checked only on access (`if (entry.expiresAt < Date.now()) { map.delete(key); return null }`)
// and there is no background cycle. Every command that reads a key sees it gone on time, but a key nobody reads
// again is never removed: it stays in memory, and in DBSIZE (the map's size), forever.
import type { Store } from '../../typescript/src/store.js';

export function startActiveExpiry(_store: Store): () => void {
  return () => {}; // the bug: nothing runs in the background
}
