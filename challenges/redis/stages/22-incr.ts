import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, bulk, integer, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'incr',
  title: 'INCR, DECR, INCRBY, DECRBY',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const base = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const [counter, preset] = [`${base}:counter`, `${base}:preset`];
    const hint = 'INCR-family commands answer the new value as an integer (:N\\r\\n) and store it back as a string.';
    await redis.expectReply(['INCR', counter], integer(1), { hint: 'A missing key counts as 0, so INCR makes it 1.' });
    await redis.expectReply(['INCR', counter], integer(2), { hint });
    let value = 2n;
    const by = t.random.int(5, 500);
    value += BigInt(by);
    await redis.expectReply(['INCRBY', counter, String(by)], integer(value), { hint });
    value -= 1n;
    await redis.expectReply(['DECR', counter], integer(value), { hint });
    const down = t.random.int(600, 2000);
    value -= BigInt(down);
    await redis.expectReply(['DECRBY', counter, String(down)], integer(value), { hint: 'Values go below zero freely.' });
    const negative = -t.random.int(1, 99);
    value += BigInt(negative);
    await redis.expectReply(['INCRBY', counter, String(negative)], integer(value), { hint: 'INCRBY with a negative increment decrements.' });
    await redis.expectReply(['GET', counter], bulk(String(value)), { hint: 'GET sees the number as a bulk string of its decimal digits.' });

    const start = t.random.int(1, 1_000_000);
    await redis.expectReply(['SET', preset, String(start)], simpleString('OK'));
    await redis.expectReply(['INCR', preset], integer(start + 1), { hint: 'INCR works on any string that is a base-10 integer, e.g. one stored with SET.' });
    const big = 4_000_000_000_000 + t.random.int(0, 1_000_000);
    await redis.expectReply(['INCRBY', preset, String(big)], integer(BigInt(start + 1) + BigInt(big)), {
      hint: 'Redis integers are signed 64-bit: use int64 in Go, BigInt (or a careful Number) in JavaScript.',
    });
  },
});
