import type { CommandTable, Context } from './commands.js';
import { globMatch } from './glob.js';
import type { Command } from './resp-reader.js';
import { type Reply, bulkArray, integer, simple } from './resp-writer.js';

/** Commands about keys whatever they hold: DEL, EXISTS, TYPE, KEYS, TTL, PTTL, DBSIZE. */
export const keyCommands: CommandTable = {
  del: { arity: -2, run: del },
  exists: { arity: -2, run: exists },
  type: { arity: 2, run: type },
  keys: { arity: 2, run: keys },
  ttl: { arity: 2, run: (args, context) => ttl(args, context, 'seconds') },
  pttl: { arity: 2, run: (args, context) => ttl(args, context, 'milliseconds') },
  dbsize: { arity: 1, run: (_args, { store }) => integer(store.size) },
};

/** DEL key [key ...] → how many of them existed. A key named twice is deleted once, and counted once. */
function del(args: Command, { store }: Context): Reply {
  let deleted = 0;
  for (const key of args.slice(1)) if (store.delete(key)) deleted++;
  return integer(deleted);
}

/** EXISTS key [key ...] → how many of them exist, each occurrence counted: `EXISTS k k` is 2. */
function exists(args: Command, { store }: Context): Reply {
  let found = 0;
  for (const key of args.slice(1)) if (store.get(key) !== undefined) found++;
  return integer(found);
}

/** TYPE key → +string, +list, or +none for a missing key (a simple string, not a bulk one). */
function type(args: Command, { store }: Context): Reply {
  return simple(store.get(args[1] as Buffer)?.type ?? 'none');
}

/** KEYS pattern → the live keys that match, in no particular order (Redis's is its hash table's). */
function keys(args: Command, { store }: Context): Reply {
  const pattern = args[1] as Buffer;
  const all = pattern.length === 1 && pattern[0] === 0x2a; // `*`: no need to match each key
  return bulkArray(store.keys().filter((key) => all || globMatch(pattern, key)));
}

/**
 * TTL / PTTL key → -2 for a missing key, -1 for a key without expiry, else the time left. TTL rounds it to the
 * nearest second as Redis does ((ms + 500) / 1000, integer division): a key set with EX 100 answers 100 at once,
 * not 99, and a key with 400 ms left answers 0.
 */
function ttl(args: Command, { store }: Context, unit: 'seconds' | 'milliseconds'): Reply {
  const entry = store.get(args[1] as Buffer);
  if (entry === undefined) return integer(-2);
  if (entry.expiresAt === undefined) return integer(-1);
  const left = Math.max(0, entry.expiresAt - store.now());
  return integer(unit === 'milliseconds' ? left : Math.floor((left + 500) / 1000));
}
