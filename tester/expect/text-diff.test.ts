import { describe, expect, it } from 'vitest';
import { diffLines } from './text-diff.js';

describe('diffLines', () => {
  it('shows a changed line as removed then added, with context', () => {
    expect(diffLines('a\nb\nc\n', 'a\nB\nc\n')).toBe(['- expected', '+ actual', '  a\\n', '- b\\n', '+ B\\n', '  c\\n'].join('\n'));
  });

  it('makes a missing final newline and a stray \\r visible', () => {
    expect(diffLines('x\n', 'x')).toBe(['- expected', '+ actual', '- x\\n', '+ x'].join('\n'));
    expect(diffLines('x\n', 'x\r\n')).toContain('+ x\\r\\n');
  });

  it('elides long unchanged runs', () => {
    const same = Array.from({ length: 10 }, (_, i) => `line ${i}\n`).join('');
    const out = diffLines(`${same}old\n${same}`, `${same}new\n${same}`);
    expect(out).toContain('  …(8 unchanged lines)');
    expect(out.split('\n')).toHaveLength(2 + 1 + 2 + 2 + 2 + 1);
  });

  it('handles insertions and deletions', () => {
    expect(diffLines('a\nc\n', 'a\nb\nc\n')).toBe(['- expected', '+ actual', '  a\\n', '+ b\\n', '  c\\n'].join('\n'));
    expect(diffLines('a\nb\nc\n', 'a\nc\n')).toBe(['- expected', '+ actual', '  a\\n', '- b\\n', '  c\\n'].join('\n'));
  });
});
