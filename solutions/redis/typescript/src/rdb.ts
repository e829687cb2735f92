import { crc64 } from './crc64.js';
import { RdbError, RdbReader } from './rdb-reader.js';

export { RdbError };

/** One key read from an RDB file. */
export interface RdbKey {
  /** The database it belongs to (SELECTDB); this server serves database 0 only. */
  db: number;
  key: Buffer;
  value: { type: 'string'; value: Buffer } | { type: 'list'; value: Buffer[] };
  /** Unix milliseconds, when the file gives the key an expiry. */
  expiresAt?: number;
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
  const reader = new RdbReader(bytes);
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
        expiresAt = reader.expirySeconds();
        break;
      case EXPIRETIME_MS:
        expiresAt = reader.expiryMilliseconds();
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

function readValue(reader: RdbReader, type: number, at: number): RdbKey['value'] {
  if (type === STRING) return { type: 'string', value: reader.string() };
  if (type === LIST) {
    const count = reader.length();
    const items: Buffer[] = [];
    for (let i = 0; i < count; i++) items.push(reader.string());
    return { type: 'list', value: items };
  }
  throw new RdbError(`offset ${at}: value type ${type} is not supported (only strings, 0, and plain lists, 1)`);
}

function verifyChecksum(bytes: Buffer, reader: RdbReader): void {
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
