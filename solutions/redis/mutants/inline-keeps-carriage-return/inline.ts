// Mutant: inline commands are cut at "\n" and split with `line.split(' ')`, so the CR of the CRLF stays on the
// last word: `PING\r\n` is the command "PING\r" (unknown), `ECHO hey\r\n` echoes "hey\r". Modelled by putting
// back the CR that the reader strips (every inline line the grader sends ends in CRLF).
export function splitInlineArgs(line: Buffer): Buffer[] | undefined {
  const words = Buffer.concat([line, Buffer.from('\r')]).toString('latin1').split(' '); // the bug
  return words.filter((word) => word !== '').map((word) => Buffer.from(word, 'latin1'));
}
