// Mutant: the parser knows only `*` arrays, and skips any line that does not start with one — as most
// learners' parsers do until someone types `PING` into telnet or nc and waits for an answer that never comes.
export function splitInlineArgs(_line: Buffer): Buffer[] | undefined {
  return []; // the bug: an inline command is read as an empty line, which is skipped
}
