import {
  CR,
  HTAB,
  LF,
  SP,
  type Step,
  incomplete,
  invalid,
  isFieldByte,
  isTchar,
  lineBreak,
  show,
  trimOws,
} from './syntax.js';

/** Header (or trailer) lines in order, with where each line and each value starts (for error offsets). */
export interface FieldBlock {
  fields: [string, string][];
  lineStarts: number[];
  valueStarts: number[];
}

/**
 * `*( field-name ":" OWS field-value OWS CRLF ) CRLF` from `start` (RFC 9112 §5). Strict where learners
 * slip: no whitespace before the colon (§5.1), no line folding (§5.2), CRLF everywhere.
 * `section` is `header` or `trailer`, for the messages.
 */
export function parseFieldLines(buf: Buffer, start: number, section: 'header' | 'trailer'): Step<FieldBlock> {
  const block: FieldBlock = { fields: [], lineStarts: [], valueStarts: [] };
  let pos = start;
  for (;;) {
    const first = buf[pos];
    if (first === undefined) return incomplete(`the next ${section} line, or the empty line (\\r\\n) that ends the ${section}s`);
    if (first === CR || first === LF) {
      const end = lineBreak(buf, pos, `the empty line that ends the ${section}s`);
      return end.ok ? { ok: true, value: block, next: end.next } : end;
    }
    if (first === SP || first === HTAB) {
      return invalid(pos, `a ${section} line starts with whitespace (obsolete line folding is not allowed, RFC 9112 §5.2)`);
    }
    let colon = pos;
    while (colon < buf.length && isTchar(buf[colon] ?? 0)) colon++;
    const stop = buf[colon];
    if (stop === undefined) return incomplete(`the rest of a ${section} line`);
    const name = buf.toString('latin1', pos, colon);
    if (stop !== 0x3a) {
      if (stop === SP || stop === HTAB) {
        return invalid(colon, `no whitespace is allowed between the ${section} name "${name}" and the colon (RFC 9112 §5.1)`);
      }
      if (stop === CR || stop === LF) return invalid(colon, `the ${section} line "${name}" has no colon (expected "Name: value")`);
      return invalid(colon, `${show(stop)} is not allowed in a ${section} name`);
    }
    if (colon === pos) return invalid(pos, `a ${section} line has an empty name before the colon`);
    let end = colon + 1;
    for (; end < buf.length && buf[end] !== CR && buf[end] !== LF; end++) {
      if (!isFieldByte(buf[end] ?? 0)) return invalid(end, `the value of ${name} contains the control byte ${show(buf[end])}`);
    }
    if (end >= buf.length) return incomplete(`the \\r\\n that ends the ${name} ${section} line`);
    const lineEnd = lineBreak(buf, end, `the ${name} ${section} line`);
    if (!lineEnd.ok) return lineEnd;
    const raw = buf.toString('latin1', colon + 1, end);
    block.fields.push([name, trimOws(raw)]);
    block.lineStarts.push(pos);
    block.valueStarts.push(colon + 1 + (raw.length - raw.replace(/^[ \t]+/, '').length));
    pos = lineEnd.next;
  }
}
