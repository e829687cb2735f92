// Mutant: lines are split on `\n` and nothing else — the `\r` of a `\r\n` line end (telnet, Windows nc) stays at
// the end of the line. The message is relayed as `[alice] hello\r`, and a name sent as `carol\r\n` is `carol\r`.
// Modelled by adding a `\r` before every `\r\n`: the reference strips one, the client's stays.
import { type LineHandlers, LineReader as ReferenceLineReader, MAX_LINE_BYTES } from '../../typescript/src/line-reader.js';

export { type LineHandlers, MAX_LINE_BYTES };

const CR = Buffer.from('\r', 'latin1');

export class LineReader extends ReferenceLineReader {
  /** The last byte of the previous read: a `\r\n` may be split between two reads. */
  private lastByte: number | undefined;

  override push(chunk: Buffer): void {
    const parts: Buffer[] = [];
    let start = 0;
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) {
      if ((i > 0 ? chunk[i - 1] : this.lastByte) !== 0x0d) continue;
      parts.push(chunk.subarray(start, i), CR); // the bug: the `\r` is kept as part of the line
      start = i;
    }
    parts.push(chunk.subarray(start));
    if (chunk.length > 0) this.lastByte = chunk[chunk.length - 1];
    super.push(Buffer.concat(parts));
  }
}
