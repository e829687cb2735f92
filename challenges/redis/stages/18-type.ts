import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, integer, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'type',
  title: 'TYPE',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const key = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const hint = 'TYPE answers a simple string: +string\\r\\n for a string value, +none\\r\\n when the key does not exist.';
    await redis.expectReply(['TYPE', key], simpleString('none'), { hint });
    await redis.expectReply(['SET', key, t.random.word()], simpleString('OK'));
    await redis.expectReply(['TYPE', key], simpleString('string'), { hint });
    await redis.expectReply(['SET', `${key}:n`, String(t.random.int(1, 99999))], simpleString('OK'));
    await redis.expectReply(['TYPE', `${key}:n`], simpleString('string'), { hint: 'A number stored with SET is a string too.' });
    await redis.expectReply(['DEL', key], integer(1));
    await redis.expectReply(['TYPE', key], simpleString('none'), { hint: 'After DEL the key has no type: +none\\r\\n.' });
  },
});
