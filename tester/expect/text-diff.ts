import { escapeUnquoted } from './escape-bytes.js';

/** Above this many line pairs the middle is shown as all-removed then all-added (no LCS table). */
const MAX_LCS_CELLS = 250_000;
const CONTEXT_LINES = 2;
const MAX_OUTPUT_LINES = 40;

/** Lines with their `\n` kept, so a missing final newline or a stray `\r` shows up in the diff. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Longest-common-subsequence edit script of two small line arrays. */
function editScript(a: string[], b: string[]): string[] {
  if (a.length * b.length > MAX_LCS_CELLS) return [...a.map((l) => `- ${l}`), ...b.map((l) => `+ ${l}`)];
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const lcs = (i: number, j: number): number => table[i * width + j] ?? 0;
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${a[i++]}`);
      j++;
    } else if (i < a.length && (j === b.length || lcs(i + 1, j) >= lcs(i, j + 1))) {
      out.push(`- ${a[i++]}`); // removals first on ties, so a changed line reads `- old` then `+ new`
    } else {
      out.push(`+ ${b[j++]}`);
    }
  }
  return out;
}

/**
 * A unified line diff of two text bodies: a `- expected` / `+ actual` legend, then unchanged lines
 * (`  `), removed (`- `) and added (`+ `), with at most two unchanged lines of context around changes.
 * Lines are shown escaped (`\r`, `\t`, `\n` at the end), because invisible bytes are the usual culprit.
 */
export function diffLines(expected: string, actual: string): string {
  const a = splitLines(expected).map(escapeUnquoted);
  const b = splitLines(actual).map(escapeUnquoted);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  const room = Math.min(a.length, b.length) - prefix;
  while (suffix < room && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const lines = ['- expected', '+ actual'];
  if (prefix > CONTEXT_LINES) lines.push(`  …(${prefix - CONTEXT_LINES} unchanged lines)`);
  for (const line of a.slice(Math.max(0, prefix - CONTEXT_LINES), prefix)) lines.push(`  ${line}`);
  lines.push(...editScript(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix)));
  for (const line of a.slice(a.length - suffix, a.length - suffix + CONTEXT_LINES)) lines.push(`  ${line}`);
  if (suffix > CONTEXT_LINES) lines.push(`  …(${suffix - CONTEXT_LINES} unchanged lines)`);
  if (lines.length <= MAX_OUTPUT_LINES) return lines.join('\n');
  return [...lines.slice(0, MAX_OUTPUT_LINES), `…(${lines.length - MAX_OUTPUT_LINES} more diff lines)`].join('\n');
}
