import { defineStage } from '../../../tester/harness/stage.js';
import { listOf, randomKey, randomValues } from '../lib/lists.js';
import { RedisTestClient, array, errorText, integer } from '../lib/redis.js';

/** Redis's LRANGE: negative indexes count from the end, then start is clamped to 0 and stop to the last index. */
function slice<T>(values: T[], start: number, stop: number): T[] {
  const n = values.length;
  const from = Math.max(start < 0 ? n + start : start, 0);
  const to = Math.min(stop < 0 ? n + stop : stop, n - 1);
  return from > to ? [] : values.slice(from, to + 1);
}

export default defineStage({
  slug: 'lrange-negative',
  title: 'LRANGE with negative indexes',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const key = randomKey(t);
    const values = randomValues(t, t.random.int(5, 8));
    const n = values.length;
    await redis.expectReply(['RPUSH', key, ...values], integer(n));

    const negative = 'A negative index counts from the end: -1 is the last element, -2 the one before (index = length + i).';
    const range = async (start: number, stop: number, hint: string): Promise<void> => {
      await redis.expectReply(['LRANGE', key, String(start), String(stop)], listOf(slice(values, start, stop)), { hint });
    };
    await range(0, -1, `${negative} 0 -1 is the whole list: the usual way to read one.`);
    await range(-2, -1, `${negative} -2 -1 is the last two elements.`);
    await range(-3, -2, negative);
    await range(1, -2, `${negative} Indexes may mix signs: 1 -2 drops the first and the last element.`);
    const far = t.random.int(n + 1, 100);
    await range(-far, 1, `A negative start before the beginning (-${far} on a list of ${n}) is clamped to 0, not an error or an empty reply.`);
    await range(-far, far, 'Both ends are clamped: the whole list.');
    await redis.expectReply(['LRANGE', key, '1', String(-far)], array([]), {
      hint: `-${far} is before the first element, so the range ends before it starts: the empty array *0\\r\\n.`,
    });
    await redis.expectReply(['LRANGE', key, 'first', '-1'], errorText('ERR value is not an integer or out of range'), {
      hint: 'Indexes must be integers: answer -ERR value is not an integer or out of range\\r\\n (the same error as INCRBY with a bad number).',
    });
  },
});
