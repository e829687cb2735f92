import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, bulk, integer, nullBulk, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'del-exists',
  title: 'DEL and EXISTS',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const prefix = t.random.word();
    const [k1, k2, k3] = [1, 2, 3].map((i) => `${prefix}:${i}${t.random.int(100, 999)}`) as [string, string, string];
    const missing = `missing:${t.random.alnum(6)}`;
    const values = t.random.words(3);
    for (const [i, key] of [k1, k2, k3].entries()) await redis.expectReply(['SET', key, values[i] ?? ''], simpleString('OK'));
    await redis.expectReply(['EXISTS', k1], integer(1), { hint: 'EXISTS answers an integer: how many of the given keys exist.' });
    await redis.expectReply(['EXISTS', missing], integer(0));
    await redis.expectReply(['EXISTS', k1, missing, k1], integer(2), {
      hint: 'EXISTS counts every argument that exists, so a key named twice counts twice.',
    });
    await redis.expectReply(['DEL', k1, k2, missing], integer(2), { hint: 'DEL answers how many of the given keys it removed; missing keys do not count.' });
    await redis.expectReply(['EXISTS', k1, k2, k3], integer(1), { hint: `Only ${k3} is left.` });
    await redis.expectReply(['GET', k1], nullBulk(), { hint: 'A deleted key is gone: GET answers $-1\\r\\n.' });
    await redis.expectReply(['GET', k3], bulk(values[2] ?? ''));
    await redis.expectReply(['DEL', missing], integer(0));
    await redis.expectReply(['DEL', k1], integer(0), { hint: 'Deleting a key twice removes it once.' });
  },
});
