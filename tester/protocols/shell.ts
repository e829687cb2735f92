/**
 * Shell text for the replay lines every track prints (`curl …`, `redis-cli …`, `printf '…' | nc …`):
 * one quoting rule, so a line pasted from any track's transcript sends exactly the grader's bytes.
 */

/** Long payloads are cut so a log line stays readable; `truncationNote` says so. */
export const MAX_SHOWN_BYTES = 1024;

export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_/:.,=@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `printf` format text producing exactly `bytes` (POSIX printf: octal escapes, `%%`). */
export function printfArgument(bytes: Buffer): string {
  let out = '';
  for (const byte of bytes) {
    if (byte === 0x0d) out += '\\r';
    else if (byte === 0x0a) out += '\\n';
    else if (byte === 0x09) out += '\\t';
    else if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x25) out += '%%';
    else if (byte === 0x27) out += `'\\''`;
    else if (byte === 0x2d && out === '') out += '\\055'; // a leading `-` would be read as an option
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `'${out}'`;
}

/** `printf '…'` for at most the first MAX_SHOWN_BYTES of `bytes`. */
export function printfCommand(bytes: Buffer): string {
  return `printf ${printfArgument(bytes.subarray(0, MAX_SHOWN_BYTES))}`;
}

/** A trailing shell comment when `printfCommand` had to cut the payload. */
export function truncationNote(length: number): string {
  return length > MAX_SHOWN_BYTES ? `  # only the first ${MAX_SHOWN_BYTES} of ${length} bytes shown` : '';
}
