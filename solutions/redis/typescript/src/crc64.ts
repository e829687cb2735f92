/**
 * CRC-64 as Redis computes it for the RDB checksum: the "Jones" polynomial, reflected (0x95ac9329ac4bc9b5),
 * initial value 0, no final xor. crc64(Buffer.from('123456789')) is 0xe9c6d914c4b8d9ca.
 */
export function crc64(bytes: Buffer): bigint {
  // Two 32-bit halves instead of a bigint per byte: the same arithmetic, an order of magnitude faster.
  let high = 0;
  let low = 0;
  for (const byte of bytes) {
    const index = (low ^ byte) & 0xff;
    const entry = index * 2;
    low = ((low >>> 8) | (high << 24)) ^ (TABLE[entry + 1] as number);
    high = (high >>> 8) ^ (TABLE[entry] as number);
  }
  return (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
}

const POLYNOMIAL = 0x95ac9329ac4bc9b5n;

/** For each byte value, the CRC of that byte alone, as [high 32 bits, low 32 bits] pairs. */
const TABLE = (() => {
  const table = new Uint32Array(512);
  for (let n = 0; n < 256; n++) {
    let crc = BigInt(n);
    for (let bit = 0; bit < 8; bit++) crc = crc & 1n ? (crc >> 1n) ^ POLYNOMIAL : crc >> 1n;
    table[n * 2] = Number(crc >> 32n);
    table[n * 2 + 1] = Number(crc & 0xffffffffn);
  }
  return table;
})();
