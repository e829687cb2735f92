import { MAX_SHOWN_BYTES, printfCommand as printf, shellQuote, truncationNote } from '../shell.js';
import { encodeCommand } from './encode.js';
import { quoteBytes } from './value.js';

/**
 * One-line commands a learner can paste to replay what the grader sent: `redis-cli -p 6379 ECHO hey`
 * when redis-cli can say it, `printf '…' | redis-cli -p 6379 -x SET key` when only the last argument is
 * binary (-x reads the last argument from stdin), `printf '…' | nc localhost 6379` for the rest
 * (inline commands, pipelined batches, several binary arguments). Quoting comes from ../shell.ts,
 * shared with http1/curl.ts, so every track quotes the same way.
 */

const toBuffer = (arg: string | Buffer): Buffer => (typeof arg === 'string' ? Buffer.from(arg, 'utf8') : arg);

/** An argument redis-cli takes on its command line and a log line shows legibly: UTF-8, no controls, ≤ 1 KiB. */
function isCliSafe(bytes: Buffer): boolean {
  if (bytes.length > MAX_SHOWN_BYTES || bytes.some((b) => b < 0x20 || b === 0x7f)) return false;
  return Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
}

/** `printf '…' | nc localhost 6379`: replays any bytes. */
export function ncCommand(bytes: Buffer, options: { port: number }): string {
  return `${printf(bytes)} | nc localhost ${options.port}${truncationNote(bytes.length)}`;
}

/** The replay line for one command sent as a RESP array of bulk strings. */
export function redisCliCommand(args: (string | Buffer)[], options: { port: number }): string {
  const buffers = args.map(toBuffer);
  const cli = `redis-cli -p ${options.port}`;
  const unsafe = buffers.map((b) => !isCliSafe(b));
  // redis-cli reads options until the first word that does not start with `-`: that must be the command.
  const isCommandSafe = buffers[0] !== undefined && buffers[0][0] !== 0x2d;
  const words = (list: Buffer[]): string => list.map((b) => shellQuote(b.toString('utf8'))).join(' ');
  if (isCommandSafe && !unsafe.includes(true)) return `${cli} ${words(buffers)}`;
  const last = buffers.at(-1);
  if (isCommandSafe && last && buffers.length >= 2 && unsafe.indexOf(true) === buffers.length - 1) {
    return `${printf(last)} | ${cli} -x ${words(buffers.slice(0, -1))}${truncationNote(last.length)}`;
  }
  return ncCommand(encodeCommand(args), options);
}

/** Arguments longer than this show as their start and size in labels. */
const MAX_LABEL_ARG = 40;

/**
 * How messages name a command: `ECHO hey`, `SET key "a\r\nb"`, `SET key "xxxxxxxxxxxxxxxxxxxxxxxx"…(1048552 more bytes)`.
 * Plain words as is, anything else double-quoted as redis-cli prints it.
 */
export function commandLabel(args: (string | Buffer)[]): string {
  const label = args
    .map(toBuffer)
    .map((b) => (b.length > 0 && b.length <= MAX_LABEL_ARG && b.every((c) => c > 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) ? b.toString('latin1') : quoteBytes(b, 24)))
    .join(' ');
  return label.length > 200 ? `${label.slice(0, 200)}…` : label;
}
