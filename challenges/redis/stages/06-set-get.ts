import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, bulk, nullBulk, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'set-get',
  title: 'Implement SET and GET',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const key = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const value = t.random.word();
    await redis.expectReply(['SET', key, value], simpleString('OK'));
    await redis.expectReply(['GET', key], bulk(value));
    const replaced = t.random.word();
    await redis.expectReply(['SET', key, replaced], simpleString('OK'));
    await redis.expectReply(['GET', key], bulk(replaced), { hint: 'SET on an existing key replaces its value.' });
    await redis.expectReply(['GET', `missing:${t.random.alnum(6)}`], nullBulk(), {
      hint: 'A missing key is the null bulk string $-1\\r\\n, not an empty string.',
    });
  },
});
