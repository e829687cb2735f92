import { defineStage } from '../../../tester/harness/stage.js';
import { startWithRdb } from '../lib/rdb.js';
import { RedisTestClient, bulk, unorderedArray } from '../lib/redis.js';

export default defineStage({
  slug: 'rdb-key',
  title: 'Load a key from an RDB file',
  async run(t) {
    const prefix = t.random.word();
    const keys = [`${prefix}:${t.random.alnum(6)}`];
    await startWithRdb(
      t,
      keys.map((key) => ({ key, value: t.random.word() })),
    );
    const redis = await RedisTestClient.open(t);
    await redis.expectReply(['KEYS', '*'], unorderedArray(keys.map((key) => bulk(key))), {
      hint:
        'Open DIR/DBFILENAME at start-up and read it: the header REDIS0010, auxiliary fields (0xFA name value) to skip — ' +
        'their values may be integer-encoded strings (0xC0, 0xC1, 0xC2 followed by 1, 2 or 4 bytes) —, ' +
        '0xFE SELECTDB, 0xFB RESIZEDB (two lengths), then a type byte (0 = string), the key and the value as ' +
        'length-prefixed strings, then 0xFF. The first two bits of a length byte say how long the length is.',
    });
  },
});
