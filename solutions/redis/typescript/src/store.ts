import { CommandError, WRONGTYPE } from './errors.js';

/**
 * One key's data: a string or a list, tagged with its type (what TYPE answers). A list is a plain array, head
 * first (LPUSH unshifts, RPUSH pushes). Redis uses a linked list of packed nodes; an array's shift() and
 * unshift() copy, but are fast enough for the lists of thousands a reference server meets.
 */
export type Entry = StringEntry | ListEntry;

export interface StringEntry {
  type: 'string';
  value: Buffer;
  /** When the key expires, in Unix milliseconds; absent for a key that lives until deleted. */
  expiresAt?: number;
}

export interface ListEntry {
  type: 'list';
  /** Never empty while stored: a list whose last element is popped is deleted, as in Redis. */
  value: Buffer[];
  expiresAt?: number;
}

/** A clock in Unix milliseconds. Injectable so that expiry can be tested without sleeping. */
export type Clock = () => number;

/**
 * Called with a key's name (its bytes as a latin1 string) after a command changed it: WATCH and BLPOP listen.
 * Expiry is not a change here: redis-server 7.0 lets a transaction run whose watched key merely expired.
 */
export type ChangeListener = (name: string) => void;

/**
 * The keyspace, shared by all connections. Keys are binary-safe: a key's bytes are held as a latin1 string
 * (its "name": one character per byte, every byte value round-trips), since a Map cannot key on Buffer contents.
 *
 * Expiry is twofold, as in Redis. Lazily: an expired key is dropped when it is next looked up. Actively: the
 * keys that have a TTL are also kept in a set that `expireSome` walks a few at a time (expiry.ts runs it 10
 * times a second), so keys nobody reads again are reclaimed too. Until one way or the other removes it, an
 * expired key still counts in `size` (DBSIZE), exactly as in Redis.
 */
export class Store {
  readonly #entries = new Map<string, Entry>();
  /** The names of the keys that have an expiry, in the order they got it (Redis's `expires` dictionary). */
  readonly #expiring = new Set<string>();
  /** Where the active expiry walk through #expiring stopped; a Set iterator survives deletions and insertions. */
  #cursor: Iterator<string> | undefined;
  readonly #listeners: ChangeListener[] = [];
  readonly #now: Clock;

  constructor(now: Clock = Date.now) {
    this.#now = now;
  }

  /** The live entry at `key`, or undefined when there is none or it has expired. */
  get(key: Buffer): Entry | undefined {
    return this.#lookup(key.toString('latin1'));
  }

  /** The string at `key`; undefined when missing; WRONGTYPE when it holds something else. */
  getString(key: Buffer): Buffer | undefined {
    const entry = this.get(key);
    if (entry !== undefined && entry.type !== 'string') throw new CommandError(WRONGTYPE);
    return entry?.value;
  }

  /** The list at `key`, to read or to change in place (then call `changed`); WRONGTYPE for another type. */
  getList(key: Buffer): Buffer[] | undefined {
    const entry = this.get(key);
    if (entry !== undefined && entry.type !== 'list') throw new CommandError(WRONGTYPE);
    return entry?.value;
  }

  /** Store `entry` at `key`, replacing whatever was there, expiry included (a plain SET clears a TTL). */
  set(key: Buffer, entry: Entry): void {
    const name = key.toString('latin1');
    this.#entries.set(name, entry);
    if (entry.expiresAt === undefined) this.#expiring.delete(name);
    else this.#expiring.add(name);
    this.#changed(name);
  }

  /** Remove `key`; true when a live key was removed. */
  delete(key: Buffer): boolean {
    const name = key.toString('latin1');
    if (this.#lookup(name) === undefined) return false;
    this.#remove(name);
    this.#changed(name);
    return true;
  }

  /** Report a change made in place to the value at `key` (an element pushed onto or popped from its list). */
  changed(key: Buffer): void {
    this.#changed(key.toString('latin1'));
  }

  /** The live keys, in no particular order. Expired keys are skipped but left for expiry to remove, like KEYS. */
  keys(): Buffer[] {
    const now = this.#now();
    const keys: Buffer[] = [];
    for (const [name, entry] of this.#entries) {
      if (!isExpired(entry, now)) keys.push(Buffer.from(name, 'latin1'));
    }
    return keys;
  }

  /** How many keys are stored, expired ones not yet removed included (DBSIZE). */
  get size(): number {
    return this.#entries.size;
  }

  /** The current time on the store's clock, for commands that turn a relative TTL into an instant. */
  now(): number {
    return this.#now();
  }

  /**
   * One step of active expiry: look at the next `count` keys that have a TTL, continuing the walk where the
   * previous step stopped (starting over at the end), and remove the expired ones. Reports how many keys were
   * looked at and how many removed, from which expiry.ts decides whether to go on.
   */
  expireSome(count: number): { sampled: number; expired: number } {
    const now = this.#now();
    let sampled = 0;
    let expired = 0;
    let wrapped = this.#cursor === undefined; // a walk that starts at the beginning takes no second lap
    while (sampled < count && this.#expiring.size > 0) {
      this.#cursor ??= this.#expiring.values();
      const next = this.#cursor.next();
      if (next.done === true) {
        this.#cursor = undefined;
        if (wrapped) break;
        wrapped = true;
        continue;
      }
      sampled++;
      const entry = this.#entries.get(next.value);
      if (entry !== undefined && isExpired(entry, now)) {
        this.#remove(next.value);
        expired++;
      }
    }
    return { sampled, expired };
  }

  /** Call `listener` after every change a command makes to a key. */
  onChange(listener: ChangeListener): void {
    this.#listeners.push(listener);
  }

  #lookup(name: string): Entry | undefined {
    const entry = this.#entries.get(name);
    if (entry === undefined) return undefined;
    if (isExpired(entry, this.#now())) {
      this.#remove(name);
      return undefined;
    }
    return entry;
  }

  #remove(name: string): void {
    this.#entries.delete(name);
    this.#expiring.delete(name);
  }

  #changed(name: string): void {
    for (const listener of this.#listeners) listener(name);
  }
}

/** Redis's keyIsExpired(): a key is still there at its expiry millisecond, gone the one after. */
function isExpired(entry: Entry, now: number): boolean {
  return entry.expiresAt !== undefined && now > entry.expiresAt;
}
