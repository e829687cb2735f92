// Mutant: `socket.on('data', (chunk) => chunk.toString().split('\n').forEach(handle))` — each read is split on
// `\n` and every piece handled as a line, with no buffer between reads. Lines that arrive whole in one read (all
// of them, on a quiet loopback, when a client writes a line at a time) work; a line that takes several reads is
// relayed in pieces, and a read's unfinished tail is handled as if it were a line.
import { type LineHandlers, LineReader as ReferenceLineReader, MAX_LINE_BYTES } from '../../typescript/src/line-reader.js';

export { type LineHandlers, MAX_LINE_BYTES };

export class LineReader extends ReferenceLineReader {
  override push(chunk: Buffer): void {
    const lines = chunk.toString('latin1').split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) super.push(Buffer.from(`${line}\n`, 'latin1')); // the bug: every piece is a line
  }
}
