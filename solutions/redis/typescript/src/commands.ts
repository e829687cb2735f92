import { parseInt64 } from './integer.js';
import type { Command } from './resp-reader.js';
import { NULL_BULK, OK, type Reply, bulk, error, simple } from './resp-writer.js';
import type { Store } from './store.js';

/**
 * What a command may touch. Only the shared keyspace so far; per-connection state (a MULTI queue, the channels
 * a client is subscribed to) will join it here, so the command signatures do not have to change.
 */
export interface Context {
  store: Store;
}

interface CommandSpec {
  /**
   * Redis's arity, counting the command name: N means exactly N arguments, -N at least N. The check is made
   * before the command runs, with Redis's wording, so handlers can rely on their fixed arguments being there.
   */
  arity: number;
  run(args: Command, context: Context): Reply;
}

/** Executes one command and returns its reply; errors the client caused are replies too, never exceptions. */
export function execute(args: Command, context: Context): Reply {
  const [nameBytes] = args;
  if (nameBytes === undefined) throw new Error('empty command'); // the reader never returns one
  // Command names are case-insensitive. latin1: one character per byte, so no byte sequence can fail to decode.
  const name = nameBytes.toString('latin1').toLowerCase();
  const spec = COMMANDS.get(name);
  if (spec === undefined) return unknownCommand(args);
  if (spec.arity > 0 ? args.length !== spec.arity : args.length < -spec.arity) return wrongArity(name);
  return spec.run(args, context);
}

const COMMANDS = new Map<string, CommandSpec>([
  ['ping', { arity: -1, run: ping }],
  ['echo', { arity: 2, run: (args) => bulk(args[1] as Buffer) }],
  ['set', { arity: -3, run: set }],
  ['get', { arity: 2, run: get }],
]);

/** PING → +PONG; PING msg → msg as a bulk string. */
function ping(args: Command): Reply {
  if (args.length > 2) return wrongArity('ping');
  return args.length === 2 ? bulk(args[1] as Buffer) : simple('PONG');
}

function get(args: Command, { store }: Context): Reply {
  const entry = store.get(args[1] as Buffer);
  return entry === undefined ? NULL_BULK : bulk(entry.value);
}

/**
 * SET key value [EX seconds | PX milliseconds]. As in Redis, the options are all read before the expire time is
 * validated (so a syntax error wins over a bad number); a repeated EX or PX keeps its last value, and EX with
 * PX is a syntax error. The other options (NX, XX, GET, KEEPTTL, EXAT, PXAT) belong to the `set-options` stage.
 */
function set(args: Command, { store }: Context): Reply {
  const [, key, value] = args as [Buffer, Buffer, Buffer];
  let unit: 'seconds' | 'milliseconds' | undefined;
  let expireArg: Buffer | undefined;
  for (let i = 3; i < args.length; i++) {
    const option = (args[i] as Buffer).toString('latin1').toLowerCase();
    const next = args[i + 1];
    const wanted = option === 'ex' ? 'seconds' : option === 'px' ? 'milliseconds' : undefined;
    if (wanted === undefined || next === undefined || (unit !== undefined && unit !== wanted)) {
      return error('ERR syntax error');
    }
    unit = wanted;
    expireArg = next;
    i++;
  }

  let expiresAt: number | undefined;
  if (unit !== undefined && expireArg !== undefined) {
    const amount = parseInt64(expireArg);
    if (amount === undefined) return error('ERR value is not an integer or out of range');
    const at = expiryInstant(amount, unit, store.now());
    if (at === undefined) return error("ERR invalid expire time in 'set' command");
    expiresAt = at;
  }
  store.set(key, expiresAt === undefined ? { value } : { value, expiresAt });
  return OK;
}

const INT64_MAX = 2n ** 63n - 1n;

/**
 * The Unix-ms instant a relative TTL ends at, or undefined where Redis answers "invalid expire time": a TTL
 * that is not positive, or whose instant overflows a signed 64-bit millisecond count.
 */
function expiryInstant(amount: bigint, unit: 'seconds' | 'milliseconds', now: number): number | undefined {
  if (amount <= 0n) return undefined;
  const at = (unit === 'seconds' ? amount * 1000n : amount) + BigInt(now);
  if (at > INT64_MAX) return undefined;
  // Past 2^53 a double can no longer count milliseconds exactly; no clock will get there, so that is fine.
  return Number(at);
}

/** Redis's wording, with the command's canonical (lower-case) name whatever case the client used. */
function wrongArity(name: string): Reply {
  return error(`ERR wrong number of arguments for '${name}' command`);
}

/**
 * `ERR unknown command 'FOO', with args beginning with: 'a' 'b' `, byte for byte as Redis 7.0 builds it with
 * printf: the name cut to 128 bytes, then quoted arguments while the list is under 128 bytes, the last cut to
 * fit; a NUL ends a string (C strings). The error writer turns any CR or LF into a space.
 */
function unknownCommand(args: Command): Reply {
  const [name, ...rest] = args as [Buffer, ...Buffer[]];
  let list = Buffer.alloc(0);
  for (const arg of rest) {
    if (list.length >= 128) break;
    list = Buffer.concat([list, quote(cString(arg, 128 - list.length))]);
  }
  return error(
    Buffer.concat([
      Buffer.from("ERR unknown command '"),
      cString(name, 128),
      Buffer.from("', with args beginning with: "),
      list,
    ]),
  );
}

/** `'arg' ` */
function quote(bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from("'"), bytes, Buffer.from("' ")]);
}

/** printf's `%.*s`: at most `max` bytes, and nothing from the first NUL on. */
function cString(bytes: Buffer, max: number): Buffer {
  const nul = bytes.indexOf(0);
  return bytes.subarray(0, Math.min(max, nul === -1 ? bytes.length : nul));
}
