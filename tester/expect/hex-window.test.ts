import { describe, expect, it } from 'vitest';
import { firstDifference, hexWindow } from './hex-window.js';

describe('hexWindow', () => {
  it('finds the first difference, counting a length difference', () => {
    expect(firstDifference(Buffer.from('abc'), Buffer.from('abc'))).toBe(-1);
    expect(firstDifference(Buffer.from('abc'), Buffer.from('abd'))).toBe(2);
    expect(firstDifference(Buffer.from('abc'), Buffer.from('ab'))).toBe(2);
  });

  it('shows both buffers around the difference with a marker under the actual byte', () => {
    const expected = Buffer.alloc(64, 0x41);
    const actual = Buffer.from(expected);
    actual[37] = 0x00;
    const out = hexWindow(expected, actual);
    const lines = out.split('\n');
    expect(lines[0]).toBe('First difference at byte 37: expected 0x41, got 0x00.');
    const row = lines.find((l) => l.startsWith('  00000020') && l.includes(' 00 '));
    const marker = lines[lines.indexOf(row ?? '') + 1] ?? '';
    expect(row?.slice(marker.indexOf('^'), marker.indexOf('^') + 2)).toBe('00');
    expect(out).toContain('|AAAAA.AAAAAAAAAA|');
  });

  it('says when the actual bytes end early', () => {
    expect(hexWindow(Buffer.from('abcd'), Buffer.from('ab')).split('\n')[0]).toBe(
      'First difference at byte 2: expected 0x63, got the end (2 bytes).',
    );
  });
});
