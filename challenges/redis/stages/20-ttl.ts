import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, integer, integerBetween, simpleString } from '../lib/redis.js';

/**
 * PTTL of a key set with `ms` at or after `sentAt`: at most `ms`, and at least `ms` minus the time that has passed
 * by the moment the reply is read (measured after it arrives, so a busy grading machine cannot fail a right answer).
 */
async function expectTimeLeft(redis: RedisTestClient, key: string, ms: number, sentAt: number, hint: string): Promise<void> {
  const reply = await redis.expectReply(['PTTL', key], integerBetween(0, ms), { hint });
  redis.expectValue(reply, integerBetween(ms - (Date.now() - sentAt) - 1, ms), `PTTL ${key}`, hint);
}

export default defineStage({
  slug: 'ttl',
  title: 'TTL and PTTL',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const base = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const [plain, short, long, missing] = [`${base}:plain`, `${base}:px`, `${base}:ex`, `missing:${t.random.alnum(6)}`];
    const codes = 'TTL and PTTL answer -2 when the key does not exist and -1 when it exists without an expiry.';
    await redis.expectReply(['TTL', missing], integer(-2), { hint: codes });
    await redis.expectReply(['PTTL', missing], integer(-2), { hint: codes });
    await redis.expectReply(['SET', plain, t.random.word()], simpleString('OK'));
    await redis.expectReply(['TTL', plain], integer(-1), { hint: codes });
    await redis.expectReply(['PTTL', plain], integer(-1), { hint: codes });

    const px = t.random.int(3, 9) * 1000;
    const sentAt = Date.now();
    await redis.expectReply(['SET', short, t.random.word(), 'PX', String(px)], simpleString('OK'));
    await expectTimeLeft(redis, short, px, sentAt, `PTTL is the time left in milliseconds: the ${px} ms of the PX minus the time since the SET (here only a few ms).`);
    await redis.expectReply(['TTL', short], integerBetween(px / 1000 - 1, px / 1000), {
      hint: `TTL is the time left in whole seconds (Redis rounds: (ms + 500) / 1000), so ${px / 1000} right after SET … PX ${px}.`,
    });

    const ex = t.random.int(60, 600);
    await redis.expectReply(['SET', long, t.random.word(), 'EX', String(ex)], simpleString('OK'), { hint: 'EX is like PX, in seconds.' });
    await redis.expectReply(['TTL', long], integerBetween(ex - 1, ex), { hint: `EX ${ex} means ${ex} seconds to live.` });
    await expectTimeLeft(redis, long, ex * 1000, sentAt, `EX ${ex} is ${ex * 1000} ms.`);
  },
});
