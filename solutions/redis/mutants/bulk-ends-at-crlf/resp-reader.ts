// Mutant: a line-oriented parser. It waits for whole commands (so fragmented and pipelined input work), but
// reads each bulk string as "the next line": the `$len` is read and ignored, and the value ends at the next CRLF.
// Every value without CRLF in it parses right; one that holds CRLF is cut there, its rest taken for the next
// `$len` line, and the command falls apart (an argument count off, or a value that is the wrong bytes).
import { type Command, ProtocolError } from '../../typescript/src/resp-reader.js';
import { splitInlineArgs } from '../../typescript/src/inline.js';

export { type Command, ProtocolError };

const CRLF = Buffer.from('\r\n');

export class RespReader {
  #buffer = Buffer.alloc(0);

  push(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
  }

  get buffered(): number {
    return this.#buffer.length;
  }

  next(): Command | undefined {
    for (;;) {
      const lines: Buffer[] = [];
      let at = 0;
      const line = (): Buffer | undefined => {
        const end = this.#buffer.indexOf(CRLF, at);
        if (end === -1) return undefined;
        const text = this.#buffer.subarray(at, end);
        at = end + CRLF.length;
        lines.push(text);
        return text;
      };
      const header = line();
      if (header === undefined) return undefined;
      if (header[0] !== 0x2a) {
        this.#buffer = this.#buffer.subarray(at);
        const args = splitInlineArgs(header);
        if (args === undefined) throw new ProtocolError('unbalanced quotes in request');
        if (args.length > 0) return args;
        continue;
      }
      const count = Number(header.subarray(1).toString('latin1'));
      if (!Number.isInteger(count)) throw new ProtocolError('invalid multibulk length');
      const args: Buffer[] = [];
      for (let i = 0; i < count; i++) {
        const length = line(); // "$5": the length is never used — the bug
        const value = line();
        if (length === undefined || value === undefined) return undefined; // wait for the rest
        if (length[0] !== 0x24) {
          throw new ProtocolError(`expected '$', got '${String.fromCharCode(length[0] ?? 0x20)}'`);
        }
        args.push(Buffer.from(value));
      }
      this.#buffer = this.#buffer.subarray(at);
      if (args.length > 0) return args;
    }
  }
}
