import type { Readable } from 'node:stream';

/**
 * Relays a program's output to the transcript line by line, prefixed `[your_program] `, and keeps a copy
 * for stages that read stdout (SQL). Both are capped: a program that writes gigabytes must not take the
 * grader's memory or bury the transcript. The stream is always drained so the program never blocks on a
 * full pipe.
 */
export interface RelayOptions {
  /** Called for each complete line shown in the transcript. */
  onLine(line: string): void;
  /** Bytes shown in the transcript before the rest is only counted. */
  showLimit: number;
  /** Bytes kept for `captured()`. */
  keepLimit: number;
}

export class OutputRelay {
  private pending = '';
  private shown = 0;
  private hidden = 0;
  private readonly kept: Buffer[] = [];
  private keptBytes = 0;
  private droppedFromCapture = 0;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly options: RelayOptions) {}

  attach(stream: Readable): void {
    stream.on('data', (chunk: Buffer) => this.push(chunk));
    stream.on('end', () => this.flush());
  }

  /** Everything kept so far (up to keepLimit bytes). */
  captured(): Buffer {
    return Buffer.concat(this.kept);
  }

  /** Bytes that were received but not kept (over keepLimit). */
  capturedOverflow(): number {
    return this.droppedFromCapture;
  }

  /** Resolves at the next chunk of output (or at once if `since` bytes are already exceeded). */
  onData(listener: () => void): () => void {
    this.waiters.add(listener);
    return () => this.waiters.delete(listener);
  }

  /** Emits a last partial line and, if anything was hidden, one line saying how much. */
  flush(): void {
    if (this.pending) this.show(this.pending);
    this.pending = '';
    if (this.hidden > 0) {
      this.options.onLine(`… ${this.hidden} more bytes of output not shown (limit ${this.options.showLimit} bytes per stage)`);
      this.hidden = 0;
    }
  }

  private push(chunk: Buffer): void {
    if (this.keptBytes + chunk.length <= this.options.keepLimit) {
      this.kept.push(chunk);
      this.keptBytes += chunk.length;
    } else {
      const room = this.options.keepLimit - this.keptBytes;
      if (room > 0) this.kept.push(chunk.subarray(0, room));
      this.keptBytes += Math.max(room, 0);
      this.droppedFromCapture += chunk.length - Math.max(room, 0);
    }
    if (this.shown >= this.options.showLimit) {
      this.hidden += chunk.length;
    } else {
      this.pending += chunk.toString('utf8');
      const lines = this.pending.split('\n');
      this.pending = lines.pop() ?? '';
      for (const line of lines) this.show(line.replace(/\r$/, ''));
      if (this.pending.length > 4096) {
        // A program that writes without newlines still gets shown, in slices.
        this.show(this.pending);
        this.pending = '';
      }
    }
    for (const waiter of [...this.waiters]) waiter();
  }

  private show(line: string): void {
    if (this.shown >= this.options.showLimit) {
      this.hidden += Buffer.byteLength(line) + 1;
      return;
    }
    this.shown += Buffer.byteLength(line) + 1;
    this.options.onLine(line);
  }
}
