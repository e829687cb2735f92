/**
 * One key's data. Only strings exist so far; lists will turn `value` into a tagged union (and give GET a
 * WRONGTYPE answer for them), which is why callers go through Entry rather than receiving a bare Buffer.
 */
export interface Entry {
  value: Buffer;
  /** When the key expires, in Unix milliseconds; absent for a key that lives until deleted. */
  expiresAt?: number;
}

/** A clock in Unix milliseconds. Injectable so that expiry can be tested without sleeping. */
export type Clock = () => number;

/**
 * The keyspace, shared by all connections. Keys are binary-safe: a key's bytes are held as a latin1 string
 * (one character per byte, every byte value round-trips), since a Map cannot key on Buffer contents.
 *
 * Expiry is lazy, as in Redis: an expired key is dropped when it is next looked up. (Redis also samples keys in
 * the background so that unread ones free their memory; the `active-expiry` stage will add that here, which is
 * why the map stays private and every read goes through `get`.)
 */
export class Store {
  readonly #entries = new Map<string, Entry>();
  readonly #now: Clock;

  constructor(now: Clock = Date.now) {
    this.#now = now;
  }

  /** The live entry at `key`, or undefined when there is none or it has expired. */
  get(key: Buffer): Entry | undefined {
    const name = key.toString('latin1');
    const entry = this.#entries.get(name);
    if (entry === undefined) return undefined;
    // Redis's keyIsExpired(): a key is still there at its expiry millisecond, gone the one after.
    if (entry.expiresAt !== undefined && this.#now() > entry.expiresAt) {
      this.#entries.delete(name);
      return undefined;
    }
    return entry;
  }

  /** Store `entry` at `key`, replacing whatever was there, expiry included (a plain SET clears a TTL). */
  set(key: Buffer, entry: Entry): void {
    this.#entries.set(key.toString('latin1'), entry);
  }

  /** Remove `key`; true when a live key was removed. */
  delete(key: Buffer): boolean {
    return this.get(key) !== undefined && this.#entries.delete(key.toString('latin1'));
  }

  /** The current time on the store's clock, for commands that turn a relative TTL into an instant. */
  now(): number {
    return this.#now();
  }
}
