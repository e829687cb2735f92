import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, bulk, nullBulk, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'expiry',
  title: 'Expiry with PX',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const [short, long] = [`${t.random.word()}:${t.random.int(1000, 9999)}`, `${t.random.word()}:${t.random.int(1000, 9999)}`];
    const value = t.random.word();
    await redis.expectReply(['SET', long, value, 'PX', '10000'], simpleString('OK'));
    await redis.expectReply(['SET', short, value, 'PX', '100'], simpleString('OK'));
    const setAt = Date.now();
    await redis.expectReply(['GET', short], bulk(value), { hint: 'The key exists until its 100 ms are over.' });
    // Expiry is about time itself: there is no event to await, so the grader lets 150 ms pass on purpose.
    await redis.pause(Math.max(0, 150 - (Date.now() - setAt)));
    t.log.info(`${Date.now() - setAt} ms have passed since the SET with PX 100.`);
    await redis.expectReply(['GET', short], nullBulk(), {
      hint: 'PX is in milliseconds. Record when the key expires (now + PX) and treat it as missing once that time has passed.',
    });
    await redis.expectReply(['GET', long], bulk(value), { hint: 'A key with PX 10000 must still be there after 150 ms.' });
  },
});
