// Mutant: the integer encodings of strings (0xC1: 2 bytes, 0xC2: 4 bytes) are read big-endian, the way the
// 0x80/0x81 lengths a few lines below are (`readInt16BE`, `readInt32BE`). Redis stores these integers
// little-endian, so 300 comes back as 11265. A one-byte integer (0xC0) has no byte order, and neither has the
// length of anything: every key still loads, only the values of 16- and 32-bit integers are wrong.
// The reference rdb.ts, with those two reads changed (marked "the bug").
import { crc64 } from '../../typescript/src/crc64.js';
import { lzfDecompress } from '../../typescript/src/lzf.js';

/** One key read from an RDB file. */
export interface RdbKey {
  /** The database it belongs to (SELECTDB); this server serves database 0 only. */
  db: number;
  key: Buffer;
  value: { type: 'string'; value: Buffer } | { type: 'list'; value: Buffer[] };
  /** Unix milliseconds, when the file gives the key an expiry. */
  expiresAt?: number;
}

/** The file is not an RDB file this server can read; the message says what and where. */
export class RdbError extends Error {
  override name = 'RdbError';
}

/**
 * Parse an RDB file (the snapshot redis-server writes to dir/dbfilename), as redis-server's rdbLoad() reads it:
 *
 *   "REDIS" + 4-digit version, then records until 0xFF:
 *     0xFA aux field (two strings: redis-ver, ctime...)    0xFE SELECTDB (a length: the database number)
 *     0xFB RESIZEDB (two lengths: sizing hints)            0xFD expiry in seconds (4 bytes, little-endian)
 *     0xFC expiry in milliseconds (8 bytes, little-end.)   0xF8 LRU idle time (a length), 0xF9 LFU frequency (1 byte)
 *     0xF5 function library (a string)                     else a value type, then the key, then the value
 *   0xFF, then (version 5 and up) the CRC-64 of everything before it, little-endian; 0 means "not computed".
 *
 * Supported values: strings (type 0) and plain lists (type 1, a length then that many strings). Anything else
 * is refused with an RdbError rather than guessed at.
 */
export function parseRdb(bytes: Buffer): RdbKey[] {
  const reader = new Reader(bytes);
  if (reader.take(5).toString('latin1') !== 'REDIS') {
    throw new RdbError('not an RDB file: it does not start with "REDIS"');
  }
  const versionText = reader.take(4).toString('latin1');
  const version = /^\d{4}$/.test(versionText) ? Number(versionText) : Number.NaN;
  if (!(version >= 1 && version <= 11)) throw new RdbError(`unsupported RDB version "${versionText}" (1 to 11 are)`);

  const keys: RdbKey[] = [];
  let db = 0;
  let expiresAt: number | undefined;
  for (;;) {
    const at = reader.offset;
    const type = reader.byte();
    switch (type) {
      case AUX:
        reader.string();
        reader.string();
        break;
      case RESIZEDB:
        reader.length();
        reader.length();
        break;
      case SELECTDB:
        db = reader.length();
        break;
      case EXPIRETIME:
        expiresAt = reader.take(4).readInt32LE() * 1000;
        break;
      case EXPIRETIME_MS:
        expiresAt = Number(reader.take(8).readBigInt64LE());
        break;
      case IDLE:
        reader.length();
        break;
      case FREQ:
        reader.byte();
        break;
      case FUNCTION:
        reader.string();
        break;
      case EOF:
        if (version >= 5) verifyChecksum(bytes, reader);
        return keys;
      default: {
        const key = reader.string();
        const value = readValue(reader, type, at);
        keys.push(expiresAt === undefined ? { db, key, value } : { db, key, value, expiresAt });
        expiresAt = undefined; // an expiry belongs to the one key that follows it
      }
    }
  }
}

const FUNCTION = 0xf5;
const IDLE = 0xf8;
const FREQ = 0xf9;
const AUX = 0xfa;
const RESIZEDB = 0xfb;
const EXPIRETIME_MS = 0xfc;
const EXPIRETIME = 0xfd;
const SELECTDB = 0xfe;
const EOF = 0xff;

const STRING = 0;
const LIST = 1;

function readValue(reader: Reader, type: number, at: number): RdbKey['value'] {
  if (type === STRING) return { type: 'string', value: reader.string() };
  if (type === LIST) {
    const count = reader.length();
    const items: Buffer[] = [];
    for (let i = 0; i < count; i++) items.push(reader.string());
    return { type: 'list', value: items };
  }
  throw new RdbError(`offset ${at}: value type ${type} is not supported (only strings, 0, and plain lists, 1)`);
}

function verifyChecksum(bytes: Buffer, reader: Reader): void {
  const end = reader.offset;
  const stored = reader.take(8).readBigUInt64LE();
  if (stored === 0n) return; // written with rdbchecksum off: redis-server skips the check too
  const computed = crc64(bytes.subarray(0, end));
  if (computed !== stored) {
    throw new RdbError(`wrong checksum: the file says ${hex(stored)}, its contents give ${hex(computed)}`);
  }
}

function hex(value: bigint): string {
  return `0x${value.toString(16).padStart(16, '0')}`;
}

/** A cursor over the file's bytes; every read checks that the bytes are there. */
class Reader {
  readonly #bytes: Buffer;
  offset = 0;

  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }

  byte(): number {
    return this.take(1)[0] as number;
  }

  take(count: number): Buffer {
    if (this.offset + count > this.#bytes.length) {
      throw new RdbError(`unexpected end of file at offset ${this.offset} (wanted ${count} more bytes)`);
    }
    const bytes = this.#bytes.subarray(this.offset, this.offset + count);
    this.offset += count;
    return bytes;
  }

  /** A length; a string encoding (0b11 prefix) is not one. */
  length(): number {
    const at = this.offset;
    const length = this.#lengthOrEncoding();
    if (length.encoded) throw new RdbError(`offset ${at}: a string encoding where a length was expected`);
    return length.value;
  }

  /**
   * A string: a length and that many bytes, or one of the special encodings — an integer stored in 1, 2 or 4
   * bytes (little-endian, signed), which stands for its decimal text, or LZF-compressed bytes.
   */
  string(): Buffer {
    const at = this.offset;
    const { encoded, value } = this.#lengthOrEncoding();
    if (!encoded) return Buffer.from(this.take(value));
    switch (value) {
      case 0:
        return Buffer.from(String(this.take(1).readInt8()));
      case 1:
        return Buffer.from(String(this.take(2).readInt16BE())); // the bug
      case 2:
        return Buffer.from(String(this.take(4).readInt32BE())); // the bug
      case 3: {
        const compressedLength = this.length();
        const length = this.length();
        try {
          return lzfDecompress(this.take(compressedLength), length);
        } catch (failure) {
          throw new RdbError(`offset ${at}: ${(failure as Error).message}`);
        }
      }
      default:
        throw new RdbError(`offset ${at}: unknown string encoding ${value}`);
    }
  }

  /**
   * The first two bits of the first byte say how the rest reads:
   *   00 → the other 6 bits are the length          01 → 6 bits and the next byte: 14 bits, big-endian
   *   10 → 0x80: the next 4 bytes, big-endian; 0x81: the next 8 bytes, big-endian
   *   11 → not a length: the other 6 bits name a string encoding
   */
  #lengthOrEncoding(): { encoded: boolean; value: number } {
    const at = this.offset;
    const first = this.byte();
    switch (first >> 6) {
      case 0:
        return { encoded: false, value: first & 0x3f };
      case 1:
        return { encoded: false, value: ((first & 0x3f) << 8) | this.byte() };
      case 3:
        return { encoded: true, value: first & 0x3f };
      default:
        break;
    }
    if (first === 0x80) return { encoded: false, value: this.take(4).readUInt32BE() };
    if (first === 0x81) {
      const value = this.take(8).readBigUInt64BE();
      if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RdbError(`offset ${at}: length ${value} is too large`);
      return { encoded: false, value: Number(value) };
    }
    throw new RdbError(`offset ${at}: unknown length encoding 0x${first.toString(16)}`);
  }
}
