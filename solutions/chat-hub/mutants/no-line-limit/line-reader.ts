// Mutant: `pending += chunk` until a `\n` comes, with no check on the size. Every line, however long, is relayed;
// a client that sends bytes and never a `\n` is buffered without bound and never told its line is too long.
import { type LineHandlers, LineReader as ReferenceLineReader, MAX_LINE_BYTES } from '../../typescript/src/line-reader.js';

export { type LineHandlers, MAX_LINE_BYTES };

export class LineReader extends ReferenceLineReader {
  constructor(handlers: LineHandlers) {
    super(handlers, Number.POSITIVE_INFINITY); // the bug: no limit
  }
}
