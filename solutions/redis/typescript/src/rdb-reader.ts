import { lzfDecompress } from './lzf.js';

/** The file is not an RDB file this server can read; the message says what and where. */
export class RdbError extends Error {
  override name = 'RdbError';
}

/**
 * A cursor over an RDB file's bytes, reading its building blocks: lengths, strings in every encoding, expiry times.
 * Every read checks that the bytes are there.
 */
export class RdbReader {
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

  /** The expiry after 0xFD: Unix time in seconds, 4 bytes little-endian; returned in milliseconds. */
  expirySeconds(): number {
    return this.take(4).readInt32LE() * 1000;
  }

  /** The expiry after 0xFC: Unix time in milliseconds, 8 bytes little-endian. */
  expiryMilliseconds(): number {
    return Number(this.take(8).readBigInt64LE());
  }

  /** The integer of a 0xC1 string: 2 bytes, signed, little-endian (Redis copies it from memory). */
  protected int16(): number {
    return this.take(2).readInt16LE();
  }

  /** The integer of a 0xC2 string: 4 bytes, signed, little-endian. */
  protected int32(): number {
    return this.take(4).readInt32LE();
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
        return Buffer.from(String(this.int16()));
      case 2:
        return Buffer.from(String(this.int32()));
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
