import type { CommandTable, Context } from './commands.js';
import { CommandError, NOT_AN_INTEGER } from './errors.js';
import { parseInt64 } from './integer.js';
import type { Command } from './resp-reader.js';
import { type Reply, integer } from './resp-writer.js';

/**
 * INCR, DECR, INCRBY, DECRBY: strings that hold a signed 64-bit integer in decimal. The counter is kept as the
 * decimal text (GET shows it, APPEND could extend it), parsed on every use; a missing key counts as 0.
 */
export const counterCommands: CommandTable = {
  incr: { arity: 2, run: (args, context) => incrementBy(args, context, 1n) },
  decr: { arity: 2, run: (args, context) => incrementBy(args, context, -1n) },
  incrby: { arity: 3, run: (args, context) => incrementBy(args, context, increment(args)) },
  decrby: { arity: 3, run: decrby },
};

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** DECRBY key n is INCRBY key -n, except that -(-2^63) does not fit in 64 bits: Redis refuses that one up front. */
function decrby(args: Command, context: Context): Reply {
  const amount = increment(args);
  if (amount === INT64_MIN) throw new CommandError('ERR decrement would overflow');
  return incrementBy(args, context, -amount);
}

/** The increment argument; checked before the key is even looked at, as in Redis. */
function increment(args: Command): bigint {
  const amount = parseInt64(args[2] as Buffer);
  if (amount === undefined) throw new CommandError(NOT_AN_INTEGER);
  return amount;
}

/**
 * Add `amount` to the integer at args[1] and answer the new value. The stored text must parse exactly as Redis
 * parses integers (integer.ts: no spaces, no `+`, no leading zeros); a result outside int64 is refused rather
 * than wrapped, and the value is left as it was. The key keeps its TTL: INCR changes a value, not a lifetime.
 */
function incrementBy(args: Command, { store }: Context, amount: bigint): Reply {
  const key = args[1] as Buffer;
  const text = store.getString(key);
  const current = text === undefined ? 0n : parseInt64(text);
  if (current === undefined) throw new CommandError(NOT_AN_INTEGER);
  const next = current + amount;
  if (next < INT64_MIN || next > INT64_MAX) throw new CommandError('ERR increment or decrement would overflow');
  const expiresAt = store.get(key)?.expiresAt;
  const value = Buffer.from(next.toString(), 'latin1');
  store.set(key, expiresAt === undefined ? { type: 'string', value } : { type: 'string', value, expiresAt });
  return integer(next);
}
