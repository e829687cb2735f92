import { defineStage } from '../../../tester/harness/stage.js';
import { listOf, randomKey, randomValues } from '../lib/lists.js';
import { RedisTestClient, array, integer } from '../lib/redis.js';

export default defineStage({
  slug: 'lrange',
  title: 'LRANGE with positive indexes',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const key = randomKey(t);
    const values = randomValues(t, t.random.int(5, 8));
    const n = values.length;
    const split = t.random.int(2, n - 2);
    await redis.expectReply(['RPUSH', key, ...values.slice(0, split)], integer(split));
    await redis.expectReply(['RPUSH', key, ...values.slice(split)], integer(n));

    const hint =
      'LRANGE key start stop answers the elements from index start to index stop, both included (0 is the first), ' +
      'as an array of bulk strings: *2\\r\\n$5\\r\\napple\\r\\n$4\\r\\npear\\r\\n.';
    const range = async (start: number, stop: number, rangeHint = hint): Promise<void> => {
      await redis.expectReply(['LRANGE', key, String(start), String(stop)], listOf(values.slice(start, stop + 1)), { hint: rangeHint });
    };
    await range(0, 2, `${hint} Stop is inclusive: 0 2 is three elements.`);
    const one = t.random.int(1, n - 2);
    await range(one, one, `${hint} start = stop is one element, still in an array (*1\\r\\n...).`);
    const from = t.random.int(1, n - 3);
    await range(from, t.random.int(from + 1, n - 2));
    await range(0, n - 1, `${hint} 0 ${n - 1} is the whole list of ${n}, in the order RPUSH appended them.`);
    await range(t.random.int(0, 2), n + t.random.int(10, 100), 'A stop past the end is not an error: it means "up to the last element".');
    const empty = 'When the range holds no element the reply is the empty array *0\\r\\n.';
    const start = t.random.int(2, n - 1);
    await redis.expectReply(['LRANGE', key, String(start), String(start - 1)], array([]), { hint: `${empty} Here start > stop.` });
    await redis.expectReply(['LRANGE', key, String(n), String(n + 5)], array([]), { hint: `${empty} Here start is past the end of the ${n}-element list.` });
    await redis.expectReply(['LRANGE', `missing:${t.random.alnum(6)}`, '0', '10'], array([]), {
      hint: `${empty} A missing key is an empty list: *0\\r\\n, not the null *-1\\r\\n.`,
    });
  },
});
