import { defineStage } from '../../../tester/harness/stage.js';
import { randomKey, randomValues } from '../lib/lists.js';
import { RedisTestClient, integer } from '../lib/redis.js';

export default defineStage({
  slug: 'llen',
  title: 'LLEN',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const [key, big] = [randomKey(t), randomKey(t, 'big')];
    const hint = 'LLEN answers the number of elements in the list as an integer, :N\\r\\n.';

    const right = randomValues(t, t.random.int(2, 4));
    const left = randomValues(t, t.random.int(1, 3));
    await redis.expectReply(['RPUSH', key, ...right], integer(right.length));
    await redis.expectReply(['LLEN', key], integer(right.length), { hint });
    await redis.expectReply(['LPUSH', key, ...left], integer(right.length + left.length));
    await redis.expectReply(['LLEN', key], integer(right.length + left.length), { hint: `${hint} It counts what LPUSH added too.` });
    await redis.expectReply(['LLEN', `missing:${t.random.alnum(6)}`], integer(0), {
      hint: 'A missing key is an empty list: LLEN answers :0\\r\\n, not an error or a null.',
    });

    // One RPUSH with more than 10 values: the command's array header (*NN) has two digits.
    const count = t.random.int(12, 30);
    const many = Array.from({ length: count }, () => t.random.alnum(3));
    await redis.expectReply(['RPUSH', big, ...many], integer(count), {
      hint: `One RPUSH with ${count} values appends all ${count}. The command arrives as *${count + 2}\\r\\n: parse the whole number of arguments, not one digit.`,
    });
    await redis.expectReply(['LLEN', big], integer(count), { hint });
    await redis.expectReply(['LLEN', key], integer(right.length + left.length), { hint: `${hint} Each key has its own list.` });
  },
});
