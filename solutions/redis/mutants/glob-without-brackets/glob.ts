// Mutant: the glob becomes a RegExp the quick way — escape every special character, then turn `*` into `.*` and
// `?` into `.` — so `[ae]`, `[^e]` and `[a-b]` are escaped too and match the characters `[`, `a`, `e`, `]`
// literally. `*` and `?` patterns, the usual ones, all work.
export function globMatch(pattern: Buffer, subject: Buffer, noCase = false): boolean {
  const source = pattern
    .toString('latin1')
    .replace(/[.+^${}()|[\]\\]/g, '\\$&') // the bug: brackets are escaped like the rest
    .replace(/\*/g, '[\\s\\S]*')
    .replace(/\?/g, '[\\s\\S]');
  return new RegExp(`^${source}$`, noCase ? 'i' : '').test(subject.toString('latin1'));
}
