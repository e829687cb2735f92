// Mutant: `if (pendingBytes >= MAX_LINE_BYTES) tooLong()` — `>=` where `>` was meant. A line of exactly 65,536 bytes,
// the longest legal one, is refused as too long; anything shorter works, and longer lines are refused as they should.
import { type LineHandlers, LineReader as ReferenceLineReader, MAX_LINE_BYTES } from '../../typescript/src/line-reader.js';

export { type LineHandlers, MAX_LINE_BYTES };

export class LineReader extends ReferenceLineReader {
  constructor(handlers: LineHandlers) {
    super(handlers, MAX_LINE_BYTES - 1); // the bug: the limit itself counts as too long
  }
}
