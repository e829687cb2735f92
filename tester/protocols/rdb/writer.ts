import { escapeBytes } from '../../expect/escape-bytes.js';
import { InternalError } from '../../harness/errors.js';
import { crc64 } from './crc64.js';

/**
 * Writes the RDB files the persistence stages hand to a learner's server: string keys only, in the
 * exact layout redis-server 7.0 itself writes (same opcodes, same length and integer encodings, no LZF),
 * so any file that loads here also loads in real Redis (writer.test.ts proves it against redis-server).
 *
 *   REDIS0010                      magic + 4-digit version
 *   FA <string> <string>           AUX field, repeated (redis-ver, redis-bits, ctime, used-mem, aof-base)
 *   FE <length>                    SELECTDB
 *   FB <length> <length>           RESIZEDB: keys, keys with an expiry
 *   [FC <8 bytes LE> | FD <4 bytes LE>] 00 <string key> <string value>    per key
 *   FF <8 bytes LE>                EOF, CRC-64 of every byte before the checksum
 */

export interface RdbExpiry {
  /** Milliseconds since the epoch; a whole second when `unit` is 's'. Past times make keys Redis drops on load. */
  at: number;
  /** 'ms': opcode 0xFC + 8-byte little-endian milliseconds. 's': opcode 0xFD + 4-byte little-endian seconds. */
  unit: 'ms' | 's';
}

export interface RdbString {
  /** Strings are written as UTF-8. */
  key: string | Buffer;
  /** A number must be a safe integer; it is written as its decimal text (int-encoded when possible). */
  value: string | Buffer | number;
  expiry?: RdbExpiry;
}

export type RdbStringEncoding = 'raw' | 'int-when-possible';

export interface RdbOptions {
  /** The 4-digit version in the header (default 10, what Redis 7.0 writes; 7.0 refuses anything above 10). */
  version?: number;
  /** AUX fields in order (default: defaultAux()). `{}` writes none. Integer-like names would be reordered by JS, so avoid them. */
  aux?: Record<string, string>;
  /** The database SELECTDB names (default 0; Redis's default config has 16). */
  db?: number;
  /**
   * 'int-when-possible' (default): every string — key, value, AUX name and value — that Redis would
   * int-encode is written as 0xC0/0xC1/0xC2, exactly as redis-server does. 'raw': always length + bytes.
   */
  stringEncoding?: RdbStringEncoding;
}

/** A run of bytes in the file and what they mean, for logs and instructions. */
export interface RdbSegment {
  offset: number;
  bytes: Buffer;
  meaning: string;
}

/** The newest RDB version redis-server 7.0 loads (RDB_VERSION in its rdb.h). */
export const RDB_VERSION = 10;

/** Opcodes, named as in Redis's rdb.h. */
export const RDB_OPCODE = {
  AUX: 0xfa,
  RESIZEDB: 0xfb,
  EXPIRETIME_MS: 0xfc,
  EXPIRETIME: 0xfd,
  SELECTDB: 0xfe,
  EOF: 0xff,
} as const;

export const RDB_TYPE_STRING = 0x00;

/** `databases 16` in Redis's default config: a higher SELECTDB makes redis-server refuse the file. */
const DEFAULT_DATABASES = 16;

/** Unannotated-offset piece of the file; offsets are assigned once the pieces are laid end to end. */
interface Piece {
  bytes: Buffer;
  meaning: string;
}

/** What Redis 7.0.15 itself writes as AUX fields (minus the replication ones, which only replicas use). */
export function defaultAux(now: number = Date.now()): Record<string, string> {
  return {
    'redis-ver': '7.0.15',
    'redis-bits': '64',
    ctime: String(Math.floor(now / 1000)),
    // A plausible figure: Redis records its memory use at save time, and nothing reads it back.
    'used-mem': '1048576',
    'aof-base': '0',
  };
}

function toBytes(value: string | Buffer | number, what: string): Buffer {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new InternalError(`${what}: ${value} is not an integer an RDB string can hold (stage bug)`);
    return Buffer.from(String(value), 'latin1');
  }
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

/** Length encodings: the top two bits of the first byte say the width (Redis's rdbSaveLen). */
function lengthPiece(length: number | bigint, role: string): Piece {
  const n = BigInt(length);
  if (n < 0n || n > 0xffffffffffffffffn) throw new InternalError(`${role}: length ${n} does not fit an RDB length (stage bug)`);
  if (n < 1n << 6n) {
    return { bytes: Buffer.from([Number(n)]), meaning: `${role}: ${n} (1 byte, top bits 00 = 6-bit length)` };
  }
  if (n < 1n << 14n) {
    const bytes = Buffer.from([0x40 | Number(n >> 8n), Number(n & 0xffn)]);
    return { bytes, meaning: `${role}: ${n} (2 bytes, top bits 01 = 14-bit length, big-endian)` };
  }
  if (n <= 0xffffffffn) {
    const bytes = Buffer.alloc(5);
    bytes[0] = 0x80;
    bytes.writeUInt32BE(Number(n), 1);
    return { bytes, meaning: `${role}: ${n} (0x80, then a 32-bit big-endian length)` };
  }
  const bytes = Buffer.alloc(9);
  bytes[0] = 0x81;
  bytes.writeBigUInt64BE(n, 1);
  return { bytes, meaning: `${role}: ${n} (0x81, then a 64-bit big-endian length)` };
}

/** An RDB length on its own (6-, 14-, 32- or 64-bit form, whichever is smallest). */
export function encodeRdbLength(length: number | bigint): Buffer {
  return lengthPiece(length, 'length').bytes;
}

/** Canonical decimal text: no sign but '-', no leading zeros, no "-0" — what survives Redis's round trip. */
const CANONICAL_INTEGER = /^(0|-?[1-9][0-9]*)$/;

/**
 * The integer Redis would store `bytes` as, or undefined when Redis writes them as a raw string.
 * Mirrors rdbTryIntegerEncoding: at most 11 bytes, parses as a long long whose decimal text is
 * exactly `bytes` (so "007", "+1", " 1", "-0" stay raw), and fits int8, int16 or int32.
 */
export function rdbIntegerValue(bytes: Buffer): number | undefined {
  if (bytes.length === 0 || bytes.length > 11) return undefined;
  const text = bytes.toString('latin1');
  if (!CANONICAL_INTEGER.test(text)) return undefined;
  const value = Number(text);
  return value >= -(2 ** 31) && value <= 2 ** 31 - 1 ? value : undefined;
}

function stringPieces(bytes: Buffer, role: string, encoding: RdbStringEncoding): Piece[] {
  const value = encoding === 'int-when-possible' ? rdbIntegerValue(bytes) : undefined;
  if (value === undefined) {
    const payload: Piece[] = bytes.length > 0 ? [{ bytes, meaning: `${role}: ${escapeBytes(bytes, 40)}` }] : [];
    return [lengthPiece(bytes.length, `${role} length`), ...payload];
  }
  const text = `the string "${bytes.toString('latin1')}"`;
  if (value >= -128 && value <= 127) {
    const body = Buffer.alloc(1);
    body.writeInt8(value);
    return [
      { bytes: Buffer.from([0xc0]), meaning: `${role}: integer-encoded string (0xC0: a 1-byte int8 follows)` },
      { bytes: body, meaning: `${role}: int8 ${value} = ${text}` },
    ];
  }
  if (value >= -32768 && value <= 32767) {
    const body = Buffer.alloc(2);
    body.writeInt16LE(value);
    return [
      { bytes: Buffer.from([0xc1]), meaning: `${role}: integer-encoded string (0xC1: a 2-byte little-endian int16 follows)` },
      { bytes: body, meaning: `${role}: int16 ${value} = ${text}` },
    ];
  }
  const body = Buffer.alloc(4);
  body.writeInt32LE(value);
  return [
    { bytes: Buffer.from([0xc2]), meaning: `${role}: integer-encoded string (0xC2: a 4-byte little-endian int32 follows)` },
    { bytes: body, meaning: `${role}: int32 ${value} = ${text}` },
  ];
}

/** One RDB string (length + bytes, or 0xC0..0xC2 + integer), as Redis's rdbSaveRawString writes it. */
export function encodeRdbString(value: string | Buffer | number, encoding: RdbStringEncoding = 'int-when-possible'): Buffer {
  return Buffer.concat(stringPieces(toBytes(value, 'value'), 'string', encoding).map((piece) => piece.bytes));
}

function expiryPieces(expiry: RdbExpiry, role: string): Piece[] {
  const { at, unit } = expiry;
  if (!Number.isSafeInteger(at)) throw new InternalError(`${role}: expiry ${at} is not a whole number of milliseconds (stage bug)`);
  const when = at >= -8.64e15 && at <= 8.64e15 ? ` (${new Date(at).toISOString()})` : '';
  if (unit === 'ms') {
    const body = Buffer.alloc(8);
    body.writeBigInt64LE(BigInt(at));
    return [
      { bytes: Buffer.from([RDB_OPCODE.EXPIRETIME_MS]), meaning: `${role}: 0xFC EXPIRETIME_MS, an 8-byte little-endian Unix time in milliseconds follows` },
      { bytes: body, meaning: `${role}: expires at ${at} ms${when}` },
    ];
  }
  const seconds = at / 1000;
  if (!Number.isInteger(seconds) || seconds < -(2 ** 31) || seconds > 2 ** 31 - 1) {
    throw new InternalError(`${role}: expiry ${at} ms is not a whole second that fits 0xFD's 32 bits; use unit 'ms' (stage bug)`);
  }
  const body = Buffer.alloc(4);
  body.writeInt32LE(seconds);
  return [
    { bytes: Buffer.from([RDB_OPCODE.EXPIRETIME]), meaning: `${role}: 0xFD EXPIRETIME, a 4-byte little-endian Unix time in seconds follows` },
    { bytes: body, meaning: `${role}: expires at ${seconds} s${when}` },
  ];
}

/** Everything but the EOF opcode and checksum, in file order. Rejects what redis-server would refuse. */
function bodyPieces(entries: RdbString[], options: RdbOptions): Piece[] {
  const version = options.version ?? RDB_VERSION;
  const db = options.db ?? 0;
  const encoding = options.stringEncoding ?? 'int-when-possible';
  const aux = options.aux ?? defaultAux();
  if (!Number.isInteger(version) || version < 1 || version > RDB_VERSION) {
    throw new InternalError(`RDB version ${version}: redis-server 7.0 only loads versions 1 to ${RDB_VERSION} (stage bug)`);
  }
  if (!Number.isInteger(db) || db < 0 || db >= DEFAULT_DATABASES) {
    throw new InternalError(`database ${db}: Redis's default config has databases 0 to ${DEFAULT_DATABASES - 1} (stage bug)`);
  }

  const pieces: Piece[] = [
    { bytes: Buffer.from('REDIS', 'latin1'), meaning: 'magic string "REDIS"' },
    { bytes: Buffer.from(String(version).padStart(4, '0'), 'latin1'), meaning: `RDB version ${version}, as 4 ASCII digits` },
  ];
  for (const [name, value] of Object.entries(aux)) {
    pieces.push({ bytes: Buffer.from([RDB_OPCODE.AUX]), meaning: `0xFA AUX: a metadata field (name, value) follows` });
    pieces.push(...stringPieces(Buffer.from(name, 'utf8'), 'AUX name', encoding));
    pieces.push(...stringPieces(Buffer.from(value, 'utf8'), `AUX ${name} value`, encoding));
  }
  // Like redis-server, an empty database gets no SELECTDB section at all.
  if (entries.length === 0) return pieces;

  const expiring = entries.filter((entry) => entry.expiry !== undefined).length;
  pieces.push({ bytes: Buffer.from([RDB_OPCODE.SELECTDB]), meaning: '0xFE SELECTDB: the database number follows' });
  pieces.push(lengthPiece(db, 'database'));
  pieces.push({ bytes: Buffer.from([RDB_OPCODE.RESIZEDB]), meaning: '0xFB RESIZEDB: two sizing hints follow' });
  pieces.push(lengthPiece(entries.length, 'keys in this database'));
  pieces.push(lengthPiece(expiring, 'keys with an expiry'));

  // redis-server panics on a duplicated key ("Duplicated key found in RDB file").
  const seen = new Set<string>();
  for (const [i, entry] of entries.entries()) {
    const key = toBytes(entry.key, `key #${i}`);
    const id = key.toString('hex');
    if (seen.has(id)) throw new InternalError(`key ${escapeBytes(key, 40)} appears twice; Redis refuses such a file (stage bug)`);
    seen.add(id);
    const role = `key #${i + 1}`;
    if (entry.expiry !== undefined) pieces.push(...expiryPieces(entry.expiry, role));
    pieces.push({ bytes: Buffer.from([RDB_TYPE_STRING]), meaning: `${role}: value type 0 = string` });
    pieces.push(...stringPieces(key, `${role} name`, encoding));
    pieces.push(...stringPieces(toBytes(entry.value, `${role} value`), `${role} value`, encoding));
  }
  return pieces;
}

/** The file writeRdb writes, as consecutive segments with what each means (hex dumps for learners). */
export function annotateRdb(entries: RdbString[], options: RdbOptions = {}): RdbSegment[] {
  const segments: RdbSegment[] = [];
  let offset = 0;
  const add = (piece: Piece): void => {
    segments.push({ offset, bytes: piece.bytes, meaning: piece.meaning });
    offset += piece.bytes.length;
  };
  for (const piece of bodyPieces(entries, options)) add(piece);
  add({ bytes: Buffer.from([RDB_OPCODE.EOF]), meaning: '0xFF EOF: end of the data, the checksum follows' });

  let crc = 0n;
  for (const segment of segments) crc = crc64(segment.bytes, crc);
  const checksum = Buffer.alloc(8);
  checksum.writeBigUInt64LE(crc);
  const hex = `0x${crc.toString(16).padStart(16, '0')}`;
  add({ bytes: checksum, meaning: `CRC-64 (Jones) of the ${offset} bytes before it, little-endian: ${hex}` });
  return segments;
}

/** An RDB file holding `entries` (string keys) in one database, checksummed. */
export function writeRdb(entries: RdbString[], options: RdbOptions = {}): Buffer {
  return Buffer.concat(annotateRdb(entries, options).map((segment) => segment.bytes));
}

/**
 * Segments as a hex dump a learner can read next to their parser:
 *   0x0000  52 45 44 49 53  magic string "REDIS"
 * Long segments show their first `maxBytes` bytes and how many more there are.
 */
export function formatRdbAnnotation(segments: RdbSegment[], options: { maxBytes?: number } = {}): string {
  const maxBytes = options.maxBytes ?? 12;
  const rows = segments.map((segment) => {
    const shown = [...segment.bytes.subarray(0, maxBytes)].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
    const more = segment.bytes.length > maxBytes ? ` …+${segment.bytes.length - maxBytes}` : '';
    return { offset: `0x${segment.offset.toString(16).padStart(4, '0')}`, hex: shown + more, meaning: segment.meaning };
  });
  const width = Math.max(0, ...rows.map((row) => row.hex.length));
  return rows.map((row) => `${row.offset}  ${row.hex.padEnd(width)}  ${row.meaning}`).join('\n');
}
