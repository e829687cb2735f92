import { countBytes } from '../../expect/escape-bytes.js';

/** One RESP2 value as it came over the wire. Simple strings and errors are decoded as UTF-8. */
export type RespValue =
  | { type: 'simple'; value: string }
  | { type: 'error'; value: string }
  /** bigint: RESP integers are signed 64-bit, wider than a JS number holds exactly. */
  | { type: 'integer'; value: bigint }
  | { type: 'bulk'; value: Buffer }
  | { type: 'null-bulk' }
  | { type: 'array'; value: RespValue[] }
  | { type: 'null-array' };

const TYPE_NAMES: Record<RespValue['type'], string> = {
  simple: 'simple string',
  error: 'error',
  integer: 'integer',
  bulk: 'bulk string',
  'null-bulk': 'null bulk string',
  array: 'array',
  'null-array': 'null array',
};

/** `simple string`, `bulk string`, `null array`: the names messages use. */
export function describeType(value: RespValue): string {
  return TYPE_NAMES[value.type];
}

const REPR: Record<number, string> = { 0x5c: '\\\\', 0x22: '\\"', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x07: '\\a', 0x08: '\\b' };

/**
 * `"a\r\nb"`: bytes double-quoted the way redis-cli prints bulk strings (sdscatrepr): printable ASCII
 * as is, C escapes, `\xNN` for the rest (so UTF-8 shows as its bytes). Cut after `max` bytes.
 */
export function quoteBytes(bytes: Buffer | string, max = Infinity): string {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  let out = '"';
  for (const byte of buf.subarray(0, Math.min(buf.length, max))) {
    out += REPR[byte] ?? (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`);
  }
  out += '"';
  return buf.length > max ? `${out}…(${countBytes(buf.length - max, 'more')})` : out;
}

export interface FormatOptions {
  /** Bulk bytes shown before `…(N more bytes)`; a transcript line must stay readable. */
  maxBytes?: number;
  /** Array elements shown before `…(N more elements)`. */
  maxElements?: number;
}

/**
 * The value as `redis-cli` prints it in a terminal: `PONG`, `(error) ERR …`, `(integer) 3`, `"hey"`,
 * `(nil)`, `(empty array)`, and arrays as numbered lines, nested ones indented under their number.
 * redis-cli shows both RESP2 nulls as `(nil)`; messages that must tell them apart use describeType.
 */
export function formatValue(value: RespValue, options: FormatOptions = {}): string {
  const maxBytes = options.maxBytes ?? 200;
  const maxElements = options.maxElements ?? 50;
  switch (value.type) {
    case 'simple':
      return value.value;
    case 'error':
      return `(error) ${value.value}`;
    case 'integer':
      return `(integer) ${value.value}`;
    case 'bulk':
      return quoteBytes(value.value, maxBytes);
    case 'null-bulk':
    case 'null-array':
      return '(nil)';
    case 'array': {
      if (value.value.length === 0) return '(empty array)';
      const shown = value.value.slice(0, maxElements);
      const width = String(shown.length).length;
      const indent = ' '.repeat(width + 2);
      const lines = shown.map((element, i) => {
        const body = formatValue(element, options).replace(/\n/g, `\n${indent}`);
        return `${String(i + 1).padStart(width)}) ${body}`;
      });
      const rest = value.value.length - shown.length;
      if (rest > 0) lines.push(`…(${rest} more ${rest === 1 ? 'element' : 'elements'})`);
      return lines.join('\n');
    }
  }
}
