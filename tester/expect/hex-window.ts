import { countBytes } from './escape-bytes.js';

const ROW = 16;
/** Rows shown before and after the row holding the first difference. */
const CONTEXT_ROWS = 1;

/** Index of the first byte where `a` and `b` differ (a length difference counts), or -1 if equal. */
export function firstDifference(a: Buffer, b: Buffer): number {
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : common;
}

function hexRow(buf: Buffer, rowStart: number): string {
  const bytes = buf.subarray(rowStart, rowStart + ROW);
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  const ascii = [...bytes].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
  return `  ${rowStart.toString(16).padStart(8, '0')}  ${hex.padEnd(ROW * 3 - 1)}  |${ascii}|`;
}

function describeByte(buf: Buffer, at: number): string {
  const byte = buf[at];
  return byte === undefined ? `the end (${countBytes(buf.length)})` : `0x${byte.toString(16).padStart(2, '0')}`;
}

/**
 * Hex+ASCII rows of both buffers around their first difference, with `^^` under the differing byte
 * of the actual bytes (tester-utils' bytes_diff_visualizer). For binary bodies, where a text diff is noise.
 */
export function hexWindow(expected: Buffer, actual: Buffer): string {
  const at = firstDifference(expected, actual);
  if (at < 0) return `The ${expected.length} bytes are identical.`;
  const diffRow = at - (at % ROW);
  const first = Math.max(0, diffRow - CONTEXT_ROWS * ROW);
  const rows = (buf: Buffer, marked: boolean): string[] => {
    const out: string[] = [];
    for (let row = first; row <= diffRow + CONTEXT_ROWS * ROW; row += ROW) {
      if (row >= buf.length && row !== diffRow) break;
      out.push(hexRow(buf, row));
      if (marked && row === diffRow) out.push(' '.repeat(12 + 3 * (at - row)) + '^^');
    }
    return out;
  };
  return [
    `First difference at byte ${at}: expected ${describeByte(expected, at)}, got ${describeByte(actual, at)}.`,
    `Expected (${countBytes(expected.length)}):`,
    ...rows(expected, false),
    `Actual (${countBytes(actual.length)}):`,
    ...rows(actual, true),
  ].join('\n');
}
