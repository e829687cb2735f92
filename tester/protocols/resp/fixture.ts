import fc from 'fast-check';
import type { RespValue } from './value.js';

/** Test-only (excluded from the build as `fixture.ts`): generators shared by the decoder tests. */

const isLine = (s: string): boolean => !/[\r\n]/.test(s);

/** A bulk string of 1–100 KB: big enough to span reads and redis-parser's chunked path. */
export const largeBulk = fc.integer({ min: 1000, max: 100_000 }).map((n): RespValue => ({
  type: 'bulk',
  value: Buffer.from(Array.from({ length: n }, (_, i) => (i * 131 + (n >> 3)) & 0xff)),
}));

/** Any valid RESP2 value, nested a few levels; `size: 'medium'` so lengths go well past 10. */
export const respValue: fc.Arbitrary<RespValue> = fc.letrec<{ value: RespValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ unit: 'grapheme', maxLength: 40, size: 'medium' }).filter(isLine).map((value): RespValue => ({ type: 'simple', value })),
    fc.string({ maxLength: 40, size: 'medium' }).filter(isLine).map((value): RespValue => ({ type: 'error', value })),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((value): RespValue => ({ type: 'integer', value })),
    fc.uint8Array({ maxLength: 300, size: 'medium' }).map((value): RespValue => ({ type: 'bulk', value: Buffer.from(value) })),
    fc.constant<RespValue>({ type: 'null-bulk' }),
    fc.constant<RespValue>({ type: 'null-array' }),
    fc.array(tie('value'), { maxLength: 5 }).map((value): RespValue => ({ type: 'array', value })),
  ),
})).value;
