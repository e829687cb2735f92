import { defineStage } from '../../../tester/harness/stage.js';
import { startWithRdb } from '../lib/rdb.js';
import { RedisTestClient, bulk, unorderedArray } from '../lib/redis.js';

export default defineStage({
  slug: 'rdb-keys',
  title: 'Load several keys from an RDB file',
  async run(t) {
    const prefix = t.random.word();
    const keys = Array.from({ length: t.random.int(3, 6) }, (_, i) => `${prefix}:${i}${t.random.alnum(4)}`);
    await startWithRdb(
      t,
      keys.map((key) => ({ key, value: t.random.word() })),
    );
    const redis = await RedisTestClient.open(t);
    await redis.expectReply(['KEYS', '*'], unorderedArray(keys.map((key) => bulk(key))), {
      hint:
        'Read entries until the 0xFF that ends the file, not just the first: after each key and value comes either another ' +
        'value type byte (0 = string, or an expiry opcode later) or 0xFF. Each key and value is a length-prefixed string: ' +
        'the first two bits of a length byte say how long the length is.',
    });
  },
});
