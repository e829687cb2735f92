/**
 * Split an inline command line (`SET greeting "hello world"`) into arguments, as Redis's sdssplitargs() does:
 * words separated by whitespace; "double quotes" with C escapes (\n \r \t \b \a \" \\ and \xHH); 'single quotes'
 * where only \' is an escape. A closing quote must end the word. Returns undefined for unbalanced quotes.
 */
export function splitInlineArgs(bytes: Buffer): Buffer[] | undefined {
  // Redis splits a C string, so a NUL would end the line there (inside quotes: unterminated). In fact redis-server
  // never gets that far: its search for the line's LF is a C string search too, which stops at the NUL, so such
  // a line is never answered. Ending the line at the NUL is the closest behaviour that does answer.
  const nul = bytes.indexOf(0);
  const line = nul === -1 ? bytes : bytes.subarray(0, nul);
  const args: Buffer[] = [];
  let i = 0;
  for (;;) {
    while (i < line.length && isSpace(line[i] as number)) i++;
    if (i === line.length) return args;
    const word: number[] = [];
    let quote: 'none' | 'double' | 'single' = 'none';
    for (let done = false; !done; i++) {
      const byte = line[i];
      if (quote === 'double') {
        if (byte === undefined) return undefined; // unterminated quotes
        if (byte === BACKSLASH && line[i + 1] === X && isHex(line[i + 2]) && isHex(line[i + 3])) {
          word.push(Number.parseInt(line.toString('latin1', i + 2, i + 4), 16));
          i += 3;
        } else if (byte === BACKSLASH && i + 1 < line.length) {
          i++;
          const escaped = line[i] as number;
          word.push(ESCAPES.get(escaped) ?? escaped);
        } else if (byte === DOUBLE_QUOTE) {
          if (!endsWord(line, i + 1)) return undefined;
          done = true;
        } else {
          word.push(byte);
        }
      } else if (quote === 'single') {
        if (byte === undefined) return undefined;
        if (byte === BACKSLASH && line[i + 1] === SINGLE_QUOTE) {
          i++;
          word.push(SINGLE_QUOTE);
        } else if (byte === SINGLE_QUOTE) {
          if (!endsWord(line, i + 1)) return undefined;
          done = true;
        } else {
          word.push(byte);
        }
      } else if (byte === undefined || byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) {
        done = true; // sdssplitargs ends an unquoted word at these only, not at \v or \f
      } else if (byte === DOUBLE_QUOTE) {
        quote = 'double'; // a quote may open mid-word: a"b c" is the single argument `ab c`
      } else if (byte === SINGLE_QUOTE) {
        quote = 'single';
      } else {
        word.push(byte);
      }
    }
    args.push(Buffer.from(word));
    if (i > line.length) i = line.length; // the loop stepped past the end of the line
  }
}

const BACKSLASH = 0x5c;
const X = 0x78;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const ESCAPES = new Map([
  [0x6e, 0x0a], // \n
  [0x72, 0x0d], // \r
  [0x74, 0x09], // \t
  [0x62, 0x08], // \b
  [0x61, 0x07], // \a
]);

/** C's isspace(): space, \t, \n, \v, \f, \r. */
function isSpace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

function isHex(byte: number | undefined): boolean {
  return byte !== undefined && /[0-9a-fA-F]/.test(String.fromCharCode(byte));
}

/** After a closing quote: the end of the line or whitespace. */
function endsWord(line: Buffer, at: number): boolean {
  return at >= line.length || isSpace(line[at] as number);
}
