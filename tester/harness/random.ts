/**
 * Seeded randomness. Every random input a stage uses comes from here, so a seed printed in the report
 * replays the exact same run. sfc32 is tiny, fast and good enough for test inputs (not for crypto).
 */
const WORDS = [
  'apple', 'banana', 'cherry', 'grape', 'mango', 'orange', 'pear', 'plum', 'raspberry', 'strawberry',
  'blueberry', 'pineapple', 'kiwi', 'lemon', 'lime', 'melon', 'papaya', 'peach', 'apricot', 'fig',
  'donkey', 'monkey', 'horse', 'rabbit', 'yellow', 'purple', 'orchid', 'scooby', 'dooby', 'vanilla',
];

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next(); // warm up so nearby seeds diverge
  }

  /** A generator for one stage: independent of how much randomness earlier stages used. */
  forStage(index: number): Random {
    return new Random((Math.imul(this.seed ^ 0x5bd1e995, 31) + index * 0x27d4eb2f) >>> 0);
  }

  /** Uniform float in [0, 1). */
  next(): number {
    this.a >>>= 0; this.b >>>= 0; this.c >>>= 0; this.d >>>= 0;
    const t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const r = (t + this.d) | 0;
    this.c = (this.c + r) | 0;
    return (r >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** A lowercase dictionary word: readable in transcripts, and safe in paths and headers. */
  word(): string {
    return this.pick(WORDS);
  }

  /** `count` distinct words. */
  words(count: number): string[] {
    return this.shuffle(WORDS).slice(0, count);
  }

  /** Lowercase letters and digits. */
  alnum(length: number): string {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }

  /** Printable ASCII text with spaces and newlines, like a small text file. */
  text(length: number): string {
    let out = '';
    while (out.length < length) out += (out ? this.pick([' ', ' ', '\n']) : '') + this.word();
    return out.slice(0, length);
  }

  bytes(length: number): Buffer {
    const buf = Buffer.alloc(length);
    for (let i = 0; i < length; i++) buf[i] = this.int(0, 255);
    return buf;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

/** A fresh seed when the user gives none: printed in every report so the run can be replayed. */
export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
