import { describe, expect, it } from 'vitest';
import { crc64 } from './crc64.js';

describe('crc64 (Redis crc64.c, Jones polynomial)', () => {
  it('gives the check value of crc-64-jones', () => {
    expect(crc64(Buffer.from('123456789', 'latin1'))).toBe(0xe9c6d914c4b8d9can);
  });

  it('is 0 for no bytes (initial value 0, no final xor)', () => {
    expect(crc64(Buffer.alloc(0))).toBe(0n);
  });

  it('matches the checksum redis-server 7.0.15 put on a DUMP payload', () => {
    // redis-cli DUMP of the string "007": type 0, "\x03007", RDB version 10 (LE), then the CRC (LE).
    const dump = Buffer.from('00033030370a007258e27b4c69bad9', 'hex');
    const payload = dump.subarray(0, dump.length - 8);
    expect(crc64(payload)).toBe(dump.readBigUInt64LE(dump.length - 8));
  });

  it('continues from a previous result: crc64(b, crc64(a)) === crc64(a + b)', () => {
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 131 + 7) & 0xff));
    for (const cut of [0, 1, 7, 500, 999, 1000]) {
      expect(crc64(bytes.subarray(cut), crc64(bytes.subarray(0, cut)))).toBe(crc64(bytes));
    }
  });

  it('checksums a few megabytes quickly', () => {
    const bytes = Buffer.alloc(4 * 1024 * 1024, 0xa5);
    const start = performance.now();
    crc64(bytes);
    // Typically ~40 ms; a bigint-per-byte version takes seconds.
    expect(performance.now() - start).toBeLessThan(1500);
  });
});
