// Mutant: the integer encodings of strings (0xC1: 2 bytes, 0xC2: 4 bytes) are read big-endian, the way the
// 0x80/0x81 lengths are (`readInt16BE`, `readInt32BE`). Redis stores these integers little-endian, so 300 comes
// back as 11265. A one-byte integer (0xC0) has no byte order, and neither has the length of anything: every key
// still loads, only the values of 16- and 32-bit integers are wrong.
import { RdbError, RdbReader as ReferenceReader } from '../../typescript/src/rdb-reader.js';

export { RdbError };

export class RdbReader extends ReferenceReader {
  protected override int16(): number {
    return this.take(2).readInt16BE(); // the bug
  }

  protected override int32(): number {
    return this.take(4).readInt32BE(); // the bug
  }
}
