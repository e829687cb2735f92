/**
 * The CRC-64 that ends every RDB file (and every DUMP payload): Redis's crc64.c, "Jones" polynomial
 * 0xad93d23594c935a9, reflected input and output, initial value 0, no final xor.
 * Check value: crc64("123456789") === 0xe9c6d914c4b8d9can.
 *
 * The table is kept as two 32-bit halves (Uint32Array) rather than bigints: a bigint per byte makes a
 * few-MB file take seconds, the halves take milliseconds.
 */

/** The Jones polynomial bit-reversed, because the CRC is computed on reflected (LSB-first) bytes. */
const REFLECTED_POLY = 0x95ac9329ac4bc9b5n;

const TABLE_LO = new Uint32Array(256);
const TABLE_HI = new Uint32Array(256);

for (let i = 0; i < 256; i++) {
  let crc = BigInt(i);
  for (let bit = 0; bit < 8; bit++) crc = crc & 1n ? (crc >> 1n) ^ REFLECTED_POLY : crc >> 1n;
  TABLE_LO[i] = Number(crc & 0xffffffffn);
  TABLE_HI[i] = Number(crc >> 32n);
}

/**
 * The CRC-64 of `bytes`. Pass a previous result as `crc` to continue over more bytes:
 * crc64(b, crc64(a)) === crc64(a ‖ b).
 */
export function crc64(bytes: Uint8Array, crc = 0n): bigint {
  let lo = Number(crc & 0xffffffffn);
  let hi = Number((crc >> 32n) & 0xffffffffn);
  for (let i = 0; i < bytes.length; i++) {
    const index = (lo ^ bytes[i]) & 0xff;
    // crc = table[index] ^ (crc >>> 8), on the two halves.
    lo = (((lo >>> 8) | (hi << 24)) ^ TABLE_LO[index]) >>> 0;
    hi = ((hi >>> 8) ^ TABLE_HI[index]) >>> 0;
  }
  return (BigInt(hi) << 32n) | BigInt(lo);
}
