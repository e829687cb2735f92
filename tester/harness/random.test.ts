import { describe, expect, it } from 'vitest';
import { Random } from './random.js';

describe('Random', () => {
  it('replays the same sequence for the same seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    const draws = () => [a.int(0, 1000), a.word(), a.alnum(8)];
    const again = () => [b.int(0, 1000), b.word(), b.alnum(8)];
    expect(draws()).toEqual(again());
  });

  it('gives different sequences for neighbouring seeds and stages', () => {
    expect(new Random(1).alnum(16)).not.toEqual(new Random(2).alnum(16));
    const root = new Random(7);
    expect(root.forStage(1).alnum(16)).not.toEqual(root.forStage(2).alnum(16));
    expect(root.forStage(3).alnum(16)).toEqual(new Random(7).forStage(3).alnum(16));
  });

  it('keeps int within bounds, inclusive', () => {
    const r = new Random(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(1, 4));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
  });

  it('makes text of the exact length asked', () => {
    const r = new Random(9);
    for (const n of [1, 17, 500]) expect(r.text(n)).toHaveLength(n);
  });
});
