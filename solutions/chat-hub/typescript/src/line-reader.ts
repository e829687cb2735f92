/**
 * Turns a TCP byte stream into lines. TCP has no messages, only bytes: one read may hold half a line, or several
 * lines, or a line's last byte and the next one's first. So bytes are buffered until a `\n` arrives; the line is
 * what came before it, minus one `\r` if the client ends its lines with `\r\n` (telnet, Windows nc).
 *
 * Lines are handed out as latin1 strings: latin1 maps every byte to one character and back, so the bytes a client
 * sends are relayed unchanged (the protocol is ASCII, but a server need not mangle what it does not understand,
 * and a name check sees a non-ASCII byte as a non-ASCII character, which it refuses).
 */

/** The longest line a client may send, in bytes, not counting its `\n` (nor a `\r` before it). */
export const MAX_LINE_BYTES = 65_536;

export interface LineHandlers {
  /** A complete line, without its `\n` and without a `\r` before it. */
  onLine(line: string): void;
  /** More than `maxLineBytes` arrived without a `\n`. Called once; the reader ignores every byte after it. */
  onTooLong(): void;
}

export class LineReader {
  /**
   * The bytes of the unfinished line, as received. A list of chunks, not one growing Buffer: a line sent one byte
   * per write would otherwise be copied once per byte (quadratic in its length).
   */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private gaveUp = false;

  constructor(
    private readonly handlers: LineHandlers,
    private readonly maxLineBytes = MAX_LINE_BYTES,
  ) {}

  /** Feed the bytes of one read. Calls onLine for every line they complete, in order. */
  push(chunk: Buffer): void {
    let start = 0;
    while (!this.gaveUp) {
      const newline = chunk.indexOf(0x0a, start);
      if (newline === -1) break;
      const line = this.takeLine(chunk.subarray(start, newline));
      start = newline + 1;
      // A line can be complete and still too long, when more than the limit came in the same read as its `\n`.
      if (line.length > this.maxLineBytes) return this.giveUp();
      this.handlers.onLine(line.toString('latin1'));
    }
    if (this.gaveUp || start === chunk.length) return;
    const rest = chunk.subarray(start);
    this.pending.push(rest);
    this.pendingBytes += rest.length;
    // Decide now, not when the `\n` comes: a client may never send one, and the buffer must stay bounded.
    // One byte of slack for a final `\r`: it may be the first half of a `\r\n`, and is then not part of the line.
    const endsInCarriageReturn = rest[rest.length - 1] === 0x0d;
    if (this.pendingBytes - (endsInCarriageReturn ? 1 : 0) > this.maxLineBytes) this.giveUp();
  }

  /** The pending bytes and `tail` (the bytes up to a `\n`) as one line, one trailing `\r` removed. */
  private takeLine(tail: Buffer): Buffer {
    const whole = this.pending.length === 0 ? tail : Buffer.concat([...this.pending, tail]);
    this.pending = [];
    this.pendingBytes = 0;
    return whole[whole.length - 1] === 0x0d ? whole.subarray(0, -1) : whole;
  }

  private giveUp(): void {
    this.gaveUp = true;
    this.pending = []; // the oversized line is dropped, never relayed in part
    this.pendingBytes = 0;
    this.handlers.onTooLong();
  }
}
