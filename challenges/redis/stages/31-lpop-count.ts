import { defineStage } from '../../../tester/harness/stage.js';
import { listOf, randomKey, randomValues } from '../lib/lists.js';
import { RedisTestClient, array, errorText, integer, nullArray } from '../lib/redis.js';

export default defineStage({
  slug: 'lpop-count',
  title: 'LPOP with a count',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const key = randomKey(t);
    const values = randomValues(t, t.random.int(6, 9));
    await redis.expectReply(['RPUSH', key, ...values], integer(values.length));

    const hint = 'LPOP key count removes up to count elements from the head and answers them as an array, in list order.';
    await redis.expectReply(['LPOP', key, '2'], listOf(values.slice(0, 2)), { hint });
    await redis.expectReply(['LPOP', key, '1'], listOf(values.slice(2, 3)), {
      hint: 'With a count, the reply is always an array, even for one element: *1\\r\\n$N\\r\\n...; without a count it is a bare bulk string.',
    });
    await redis.expectReply(['LPOP', key, '0'], array([]), { hint: 'A count of 0 on an existing list pops nothing: the empty array *0\\r\\n.' });
    const positive = 'The count must be a positive integer: answer -ERR value is out of range, must be positive\\r\\n and leave the list alone.';
    await redis.expectReply(['LPOP', key, `-${t.random.int(1, 5)}`], errorText('ERR value is out of range, must be positive'), { hint: positive });
    await redis.expectReply(['LPOP', key, t.random.pick(['two', 'all', 'many'])], errorText('ERR value is out of range, must be positive'), {
      hint: `${positive} Redis words a count that is not a number the same way.`,
    });
    await redis.expectReply(['LLEN', key], integer(values.length - 3), { hint: 'The failed LPOPs must not have removed anything.' });
    await redis.expectReply(['LPOP', key, String(t.random.int(50, 500))], listOf(values.slice(3)), {
      hint: 'A count larger than the list pops what there is: the rest of the list, not an error and not padded.',
    });
    await redis.expectReply(['EXISTS', key], integer(0), { hint: 'Popping the last elements deletes the key, as in the previous stage.' });
    await redis.expectReply(['LPOP', `missing:${t.random.alnum(6)}`, '2'], nullArray(), {
      hint: 'With a count, a missing key answers the null array *-1\\r\\n (without a count it was $-1\\r\\n): no list at all, not an empty one.',
    });
  },
});
