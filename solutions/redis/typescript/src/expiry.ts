import type { Store } from './store.js';

/**
 * Active expiry, Redis's activeExpireCycle() in miniature. Lazy expiry (store.ts) only removes keys that are
 * read again; a key that nobody reads would otherwise stay in memory, and in DBSIZE, forever. So, 10 times a
 * second (Redis's default `hz`), look at a few keys that have a TTL and remove those that have expired; while
 * more than ACCEPTABLE_STALE_PERCENT of a sample was expired, there are probably many more, so sample again at
 * once — but never for longer than a quarter of the interval, so that clients are not kept waiting.
 *
 * Each step costs KEYS_PER_STEP lookups whatever the size of the keyspace, so 100,000 keys cost no more than
 * 100: Redis walks its table of expiring keys with a cursor, and so does Store.expireSome.
 */
const INTERVAL_MS = 100;
const KEYS_PER_STEP = 20;
/** Redis 7.0's ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE: go on while more than 10% of a sample was expired. */
const ACCEPTABLE_STALE_PERCENT = 10;
const TIME_BUDGET_MS = INTERVAL_MS / 4;

/** Start the cycle; the returned function stops it. */
export function startActiveExpiry(store: Store): () => void {
  const timer = setInterval(() => expireCycle(store), INTERVAL_MS);
  timer.unref(); // a background chore: it must not keep the process alive on its own
  return () => clearInterval(timer);
}

function expireCycle(store: Store): void {
  const started = Date.now();
  for (;;) {
    const { sampled, expired } = store.expireSome(KEYS_PER_STEP);
    if (sampled === 0 || expired * 100 <= sampled * ACCEPTABLE_STALE_PERCENT) return;
    if (Date.now() - started >= TIME_BUDGET_MS) return;
  }
}
