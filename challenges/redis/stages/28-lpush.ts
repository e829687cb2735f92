import { defineStage } from '../../../tester/harness/stage.js';
import { listOf, randomKey } from '../lib/lists.js';
import { RedisTestClient, integer } from '../lib/redis.js';

export default defineStage({
  slug: 'lpush',
  title: 'LPUSH: prepend to a list',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const [key, other] = [randomKey(t, 'front'), randomKey(t, 'mixed')];
    const [a, b, c, d, e, f, g, h, i] = t.random.words(9) as [string, string, string, string, string, string, string, string, string];
    const order =
      'LPUSH inserts at the head, one value after the other, left to right: LPUSH k b c makes c the first element, then b. ' +
      'Go: prepend (append([]string{v}, list...)) per value; Node: unshift() each value in turn.';

    await redis.expectReply(['LPUSH', key, a], integer(1), { hint: 'LPUSH on a missing key creates the list, like RPUSH, and answers its length.' });
    await redis.expectReply(['LPUSH', key, b, c], integer(3), { hint: 'LPUSH answers the new length, like RPUSH.' });
    await redis.expectReply(['LRANGE', key, '0', '-1'], listOf([c, b, a]), { hint: order });

    // The same list grown at both ends.
    await redis.expectReply(['RPUSH', other, d, e], integer(2));
    await redis.expectReply(['LPUSH', other, f], integer(3));
    await redis.expectReply(['RPUSH', other, g], integer(4));
    await redis.expectReply(['LPUSH', other, h, i], integer(6));
    await redis.expectReply(['LRANGE', other, '0', '-1'], listOf([i, h, f, d, e, g]), {
      hint: `LPUSH adds at the head and RPUSH at the tail of the same list. ${order}`,
    });
    await redis.expectReply(['LRANGE', key, '0', '0'], listOf([c]), { hint: 'Each key has its own list: the first one did not change.' });
  },
});
