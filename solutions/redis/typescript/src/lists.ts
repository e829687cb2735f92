import { parseTimeout } from './blocking.js';
import type { CommandTable, Context } from './commands.js';
import { CommandError, NOT_AN_INTEGER } from './errors.js';
import { parseInt64 } from './integer.js';
import type { Command } from './resp-reader.js';
import {
  EMPTY_ARRAY,
  NO_REPLY,
  NULL_ARRAY,
  NULL_BULK,
  type Reply,
  array,
  bulk,
  bulkArray,
  integer,
} from './resp-writer.js';
import type { Store } from './store.js';

/** Lists: RPUSH, LPUSH, LRANGE, LLEN, LPOP, and BLPOP, which waits for a push (blocking.ts). */
export const listCommands: CommandTable = {
  rpush: { arity: -3, run: (args, context) => push(args, context, 'right') },
  lpush: { arity: -3, run: (args, context) => push(args, context, 'left') },
  lrange: { arity: 4, run: lrange },
  llen: { arity: 2, run: (args, { store }) => integer(store.getList(args[1] as Buffer)?.length ?? 0) },
  lpop: { arity: -2, run: lpop },
  blpop: { arity: -3, run: blpop },
};

/**
 * RPUSH/LPUSH key value [value ...] → the list's length afterwards; a missing key starts an empty list. LPUSH
 * pushes its values one at a time onto the head, so `LPUSH k a b c` leaves `c b a`.
 */
function push(args: Command, { store }: Context, end: 'left' | 'right'): Reply {
  const [, key, ...values] = args as [Buffer, Buffer, ...Buffer[]];
  const list = store.getList(key);
  if (list === undefined) {
    store.set(key, { type: 'list', value: end === 'right' ? values : values.reverse() });
    return integer(values.length);
  }
  // One at a time: spreading a very long argument list into push() could overflow the call stack.
  if (end === 'right') for (const value of values) list.push(value);
  else for (const value of values) list.unshift(value);
  store.changed(key);
  return integer(list.length);
}

/**
 * LRANGE key start stop → the elements from start to stop, both included. A negative index counts from the end
 * (-1 is the last); then start is clamped to 0 and stop to the last element, and an empty range (start past
 * stop or past the end) is `*0`, like a missing key.
 */
function lrange(args: Command, { store }: Context): Reply {
  let start = index(args[2] as Buffer);
  let stop = index(args[3] as Buffer);
  const list = store.getList(args[1] as Buffer);
  if (list === undefined) return EMPTY_ARRAY;
  const length = list.length;
  if (start < 0) start += length;
  if (stop < 0) stop += length;
  if (start < 0) start = 0;
  if (start > stop || start >= length) return EMPTY_ARRAY;
  if (stop >= length) stop = length - 1;
  return bulkArray(list.slice(start, stop + 1));
}

/** A list index: any int64. Held in a double, which is exact for every index a list can actually have. */
function index(argument: Buffer): number {
  const value = parseInt64(argument);
  if (value === undefined) throw new CommandError(NOT_AN_INTEGER);
  return Number(value);
}

/**
 * LPOP key → the first element, or `$-1` for a missing key. LPOP key count → an array of up to count elements;
 * for a missing key the null array `*-1`, even with count 0; count 0 on a list is `*0`. Without a count the
 * reply is a bulk string, with one an array, even of one element.
 */
function lpop(args: Command, { store }: Context): Reply {
  if (args.length > 3) throw new CommandError("ERR wrong number of arguments for 'lpop' command");
  const count = args.length === 3 ? positiveCount(args[2] as Buffer) : undefined;
  const key = args[1] as Buffer;
  if (store.getList(key) === undefined) return count === undefined ? NULL_BULK : NULL_ARRAY;
  if (count === undefined) return bulk(popLeft(store, key, 1)[0] as Buffer);
  return count === 0 ? EMPTY_ARRAY : bulkArray(popLeft(store, key, count));
}

/** LPOP's count: a non-negative int64; anything else, a word included, gets this one message. */
function positiveCount(argument: Buffer): number {
  const value = parseInt64(argument);
  if (value === undefined || value < 0n) throw new CommandError('ERR value is out of range, must be positive');
  return Number(value);
}

/** Remove and return up to `count` elements from the head of the list at `key`; the last one takes the key. */
function popLeft(store: Store, key: Buffer, count: number): Buffer[] {
  const list = store.getList(key) ?? [];
  const popped = list.splice(0, count);
  if (list.length === 0) store.delete(key);
  else store.changed(key);
  return popped;
}

/**
 * BLPOP key [key ...] timeout → `[key, element]` from the first named key whose list has elements; when none
 * has, the client blocks (blocking.ts) until a push serves it or the timeout answers `*-1`. Inside EXEC it
 * cannot block, so it answers `*-1` at once, as redis-server does.
 */
function blpop(args: Command, { store, blocked, client }: Context): Reply {
  const timeout = parseTimeout(args[args.length - 1] as Buffer);
  const keys = args.slice(1, -1);
  for (const key of keys) {
    if (store.getList(key) !== undefined) return array([bulk(key), bulk(popLeft(store, key, 1)[0] as Buffer)]);
  }
  if (client.executing) return NULL_ARRAY;
  blocked.block(
    {
      client,
      keys: keys.map((key) => key.toString('latin1')),
      timeoutReply: NULL_ARRAY,
      serve(name) {
        const key = Buffer.from(name, 'latin1');
        if (store.get(key)?.type !== 'list') return undefined;
        return array([bulk(key), bulk(popLeft(store, key, 1)[0] as Buffer)]);
      },
    },
    timeout,
  );
  return NO_REPLY;
}
