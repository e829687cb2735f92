// Mutant: a read loop ported from Go — `buf := make([]byte, 1024); n, _ := conn.Read(buf)` (in Node, `onread`
// with `Buffer.alloc(1024)`) — where each read is taken as whole lines: split on `\n`, every piece handled as a
// line, nothing kept for the next read. Any message that fits in 1 KiB works; a longer one arrives in several
// reads and is relayed as several lines, cut at 1,024-byte boundaries.
import { type LineHandlers, LineReader as ReferenceLineReader, MAX_LINE_BYTES } from '../../typescript/src/line-reader.js';

export { type LineHandlers, MAX_LINE_BYTES };

const READ_BUFFER_BYTES = 1024;

export class LineReader extends ReferenceLineReader {
  override push(chunk: Buffer): void {
    for (let at = 0; at < chunk.length; at += READ_BUFFER_BYTES) {
      const read = chunk.subarray(at, at + READ_BUFFER_BYTES).toString('latin1');
      const lines = read.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      // the bug: the text after the last `\n` of a read is a line too, not the start of one
      for (const line of lines) super.push(Buffer.from(`${line}\n`, 'latin1'));
    }
  }
}
