import type { CommandTable, Context } from './commands.js';
import { CommandError, NOT_AN_INTEGER, SYNTAX_ERROR } from './errors.js';
import { parseInt64 } from './integer.js';
import type { Command } from './resp-reader.js';
import { NULL_BULK, OK, type Reply, bulk } from './resp-writer.js';

/** GET and SET. (INCR and friends, which also work on strings, are in counters.ts.) */
export const stringCommands: CommandTable = {
  get: { arity: 2, run: get },
  set: { arity: -3, run: set },
};

/** GET key → the value, `$-1` for a missing key, WRONGTYPE for a list. */
function get(args: Command, { store }: Context): Reply {
  const value = store.getString(args[1] as Buffer);
  return value === undefined ? NULL_BULK : bulk(value);
}

/** What SET's options ask for, once read. */
interface SetOptions {
  condition?: 'nx' | 'xx';
  /** GET: answer the old value instead of OK. */
  get: boolean;
  keepTtl: boolean;
  /** EX, PX, EXAT or PXAT, and its argument, still unparsed. */
  expire?: { option: ExpireOption; amount: Buffer };
}

type ExpireOption = 'ex' | 'px' | 'exat' | 'pxat';

/**
 * SET key value [NX | XX] [GET] [EX s | PX ms | EXAT unix-s | PXAT unix-ms | KEEPTTL].
 *
 * In Redis's order: every option is read first (so a syntax error wins over a bad number), then the expire
 * time is checked, then GET reads the old value (WRONGTYPE for a list stops everything), then NX/XX decide
 * whether anything is written. A SET that writes replaces the value and, unless KEEPTTL, drops any old TTL.
 */
function set(args: Command, { store }: Context): Reply {
  const [, key, value] = args as [Buffer, Buffer, Buffer];
  const options = parseSetOptions(args.slice(3));
  const expiresAt = options.expire === undefined ? undefined : expiryInstant(options.expire, store.now());

  let reply = OK;
  if (options.get) {
    const old = store.getString(key);
    reply = old === undefined ? NULL_BULK : bulk(old);
  }
  const existing = store.get(key);
  if (options.condition === (existing === undefined ? 'xx' : 'nx')) {
    return options.get ? reply : NULL_BULK; // NX and the key exists, or XX and it does not: nothing is written
  }
  const ttl = expiresAt ?? (options.keepTtl ? existing?.expiresAt : undefined);
  store.set(key, ttl === undefined ? { type: 'string', value } : { type: 'string', value, expiresAt: ttl });
  return reply;
}

/**
 * The options after `SET key value`, with Redis's rules for combining them: NX and XX exclude each other, and
 * so do the four expire options and KEEPTTL; repeating the same option is allowed (the last EX wins). An
 * option that needs an argument and is last, or any unknown word, is a syntax error.
 */
function parseSetOptions(words: Buffer[]): SetOptions {
  const options: SetOptions = { get: false, keepTtl: false };
  for (let i = 0; i < words.length; i++) {
    // Redis compares options as C strings: a NUL byte ends the word.
    const word = cString(words[i] as Buffer).toLowerCase();
    const next = words[i + 1];
    if ((word === 'nx' || word === 'xx') && options.condition !== (word === 'nx' ? 'xx' : 'nx')) {
      options.condition = word;
    } else if (word === 'get') {
      options.get = true;
    } else if (word === 'keepttl' && options.expire === undefined) {
      options.keepTtl = true;
    } else if (isExpireOption(word) && next !== undefined && !options.keepTtl && sameExpireOption(options, word)) {
      options.expire = { option: word, amount: next };
      i++;
    } else {
      throw new CommandError(SYNTAX_ERROR);
    }
  }
  return options;
}

function isExpireOption(word: string): word is ExpireOption {
  return word === 'ex' || word === 'px' || word === 'exat' || word === 'pxat';
}

/** No expire option yet, or this same one again. */
function sameExpireOption(options: SetOptions, word: ExpireOption): boolean {
  return options.expire === undefined || options.expire.option === word;
}

const INT64_MAX = 2n ** 63n - 1n;
const INVALID_EXPIRE = "ERR invalid expire time in 'set' command";

/**
 * The Unix-ms instant an expire option names. Not an integer: "not an integer"; not positive, or an instant
 * past a signed 64-bit millisecond count: "invalid expire time" (Redis checks for the overflow, we for size).
 */
function expiryInstant({ option, amount: text }: { option: ExpireOption; amount: Buffer }, now: number): number {
  const amount = parseInt64(text);
  if (amount === undefined) throw new CommandError(NOT_AN_INTEGER);
  if (amount <= 0n) throw new CommandError(INVALID_EXPIRE);
  const milliseconds = option === 'ex' || option === 'exat' ? amount * 1000n : amount;
  const at = option === 'ex' || option === 'px' ? milliseconds + BigInt(now) : milliseconds;
  if (at > INT64_MAX) throw new CommandError(INVALID_EXPIRE);
  // Past 2^53 a double can no longer count milliseconds exactly; no clock will get there, so that is fine.
  return Number(at);
}

/** The bytes up to the first NUL, as text: how C sees a string. */
function cString(bytes: Buffer): string {
  const nul = bytes.indexOf(0);
  return bytes.toString('latin1', 0, nul === -1 ? bytes.length : nul);
}
