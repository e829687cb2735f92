/**
 * LZF decompression (liblzf's lzf_decompress), which RDB files use for long strings (the 0xC3 encoding). The
 * compressed data is a series of chunks, each starting with a control byte:
 *
 *   000LLLLL                 a literal run: the next L + 1 bytes are copied as they are
 *   LLLOOOOO [LLLLLLLL] OOOOOOOO
 *                            a back reference: copy (length + 2) bytes starting (offset + 1) bytes back in the
 *                            output; a 3-bit length of 7 means "7 + the next byte". The copy may overlap
 *                            what it is producing (offset 0, length 10: ten times the previous byte).
 *
 * Returns exactly `length` bytes, or throws if the data does not decompress to that.
 */
export function lzfDecompress(input: Buffer, length: number): Buffer {
  const output = Buffer.alloc(length);
  let inAt = 0;
  let outAt = 0;
  const next = (): number => {
    const byte = input[inAt++];
    if (byte === undefined) throw new Error('LZF data ends in the middle of a chunk');
    return byte;
  };
  while (inAt < input.length) {
    const control = next();
    if (control < 32) {
      const run = control + 1;
      if (inAt + run > input.length) throw new Error('LZF literal run goes past the end of the data');
      if (outAt + run > length) throw new Error('LZF data decompresses to more than the announced length');
      input.copy(output, outAt, inAt, inAt + run);
      inAt += run;
      outAt += run;
      continue;
    }
    let run = control >> 5;
    if (run === 7) run += next();
    run += 2;
    const from = outAt - ((control & 0x1f) << 8) - next() - 1;
    if (from < 0) throw new Error('LZF back reference points before the start of the output');
    if (outAt + run > length) throw new Error('LZF data decompresses to more than the announced length');
    // Byte by byte: the source may overlap the bytes being written.
    for (let i = 0; i < run; i++) output[outAt++] = output[from + i] as number;
  }
  if (outAt !== length) throw new Error(`LZF data decompresses to ${outAt} bytes, ${length} announced`);
  return output;
}
