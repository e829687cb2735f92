import { describe, expect, it } from 'vitest';
import { renderCaret } from './caret.js';

describe('renderCaret', () => {
  it('points under the offending byte, after escapes wider than one character', () => {
    const out = renderCaret(Buffer.from('HTTP/1.1 200 OK\n'), 15, 'expected \\r\\n at the end of the status line, got \\n alone');
    expect(out).toBe(
      ["'HTTP/1.1 200 OK\\n'", '                ^', 'Error: expected \\r\\n at the end of the status line, got \\n alone'].join('\n'),
    );
  });

  it('accounts for escapes to the left of the offset', () => {
    const out = renderCaret(Buffer.from('a\r\nb\x01c'), 5, 'bad byte');
    const [line, caret] = out.split('\n');
    expect(line).toBe("'a\\r\\nb\\x01c'");
    expect(caret?.indexOf('^')).toBe(line?.indexOf('c'));
  });

  it('windows long input around the offset and marks the cuts', () => {
    const buf = Buffer.from(`${'a'.repeat(100)}X${'b'.repeat(100)}`);
    const [line, caret] = renderCaret(buf, 100, 'rule').split('\n');
    expect(line?.startsWith("…'")).toBe(true);
    expect(line?.endsWith("'…")).toBe(true);
    expect(line?.length).toBeLessThan(70);
    expect(line?.[caret?.indexOf('^') ?? -1]).toBe('X');
  });

  it('points just past the end when the offset is the length', () => {
    const [line, caret] = renderCaret(Buffer.from('abc'), 3, 'rule').split('\n');
    expect(caret?.indexOf('^')).toBe(line?.lastIndexOf("'"));
  });
});
