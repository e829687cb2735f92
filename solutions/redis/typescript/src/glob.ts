/**
 * Glob-style matching as Redis does it for KEYS, PSUBSCRIBE and CONFIG GET: a port of stringmatchlen() from
 * redis 7.0's util.c, quirks included, so that every pattern selects exactly the keys redis-server would.
 *
 *   *        any run of bytes, the empty one too
 *   ?        exactly one byte
 *   [abc]    one of these bytes; [^abc] one byte not among them; [a-c] a range (either way round: [c-a])
 *   \x       the byte x itself, outside or inside brackets (`\*` is a star)
 *
 * Bytes, not characters: a pattern matches the key's raw bytes. C compares `char`, which is signed, so a byte
 * from 0x80 up counts as below 0x00 in a range, as it does in redis-server.
 */
export function globMatch(pattern: Buffer, subject: Buffer, noCase = false): boolean {
  return matchFrom(pattern, 0, subject, 0, noCase, { skipLongerMatches: false }, 0);
}

/** Redis gives up on patterns with more than this many nested stars (a guard against exponential patterns). */
const MAX_NESTING = 1000;

const STAR = 0x2a;
const QUESTION = 0x3f;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const CARET = 0x5e;
const DASH = 0x2d;
const BACKSLASH = 0x5c;

/**
 * Does pattern[p...] match subject[s...]? `state.skipLongerMatches` is Redis's early exit: once the rest of the
 * pattern after a star matched nowhere in the rest of the subject, an earlier star trying a longer run cannot
 * help, so every enclosing star gives up at once instead of retrying (which would be exponential).
 */
function matchFrom(
  pattern: Buffer,
  p: number,
  subject: Buffer,
  s: number,
  noCase: boolean,
  state: { skipLongerMatches: boolean },
  nesting: number,
): boolean {
  if (nesting > MAX_NESTING) return false;
  const byte = (at: number): number => signed(pattern[at]);
  while (p < pattern.length && s < subject.length) {
    switch (pattern[p]) {
      case STAR: {
        while (p + 1 < pattern.length && pattern[p + 1] === STAR) p++;
        if (p + 1 === pattern.length) return true; // a trailing star matches whatever is left
        for (; s < subject.length; s++) {
          if (matchFrom(pattern, p + 1, subject, s, noCase, state, nesting + 1)) return true;
          if (state.skipLongerMatches) return false;
        }
        state.skipLongerMatches = true;
        return false;
      }
      case QUESTION:
        s++;
        break;
      case OPEN: {
        p++;
        const not = pattern[p] === CARET;
        if (not) p++;
        let match = false;
        const c = signed(subject[s]);
        for (;;) {
          if (pattern[p] === BACKSLASH && pattern.length - p >= 2) {
            p++;
            if (byte(p) === c) match = true;
          } else if (pattern[p] === CLOSE) {
            break;
          } else if (p >= pattern.length) {
            p--; // an unclosed bracket: the class ends with the pattern
            break;
          } else if (pattern.length - p >= 3 && pattern[p + 1] === DASH) {
            let start = byte(p);
            let end = byte(p + 2);
            if (start > end) [start, end] = [end, start];
            const subjectByte = noCase ? lower(c) : c;
            if (noCase) [start, end] = [lower(start), lower(end)];
            p += 2;
            if (subjectByte >= start && subjectByte <= end) match = true;
          } else if (noCase ? lower(byte(p)) === lower(c) : byte(p) === c) {
            match = true;
          }
          p++;
        }
        if (not) match = !match;
        if (!match) return false;
        s++;
        break;
      }
      default:
        if (pattern[p] === BACKSLASH && pattern.length - p >= 2) p++; // `\x`: x matched literally
        if (noCase ? lower(byte(p)) !== lower(signed(subject[s])) : pattern[p] !== subject[s]) return false;
        s++;
        break;
    }
    p++;
    if (s === subject.length) {
      while (pattern[p] === STAR) p++; // stars left at the end match the empty rest
      break;
    }
  }
  return p === pattern.length && s === subject.length;
}

/** A byte as C's signed char. */
function signed(byte: number | undefined): number {
  if (byte === undefined) return 0; // C reads the string's terminating NUL
  return byte > 0x7f ? byte - 0x100 : byte;
}

/** C's tolower() in the C locale: only A–Z change. */
function lower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}
