import { defineStage } from '../../../tester/harness/stage.js';
import { startWithRdb } from '../lib/rdb.js';
import { RedisTestClient, bulk } from '../lib/redis.js';

export default defineStage({
  slug: 'rdb-value',
  title: 'Load a value from an RDB file',
  async run(t) {
    const key = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const value = `${t.random.word()} ${t.random.word()}`;
    await startWithRdb(t, [{ key, value }]);
    const redis = await RedisTestClient.open(t);
    await redis.expectReply(['GET', key], bulk(value), {
      hint:
        'Store what follows the key in the file as its value: a string, length-prefixed like the key. ' +
        'GET then answers it like any value set with SET.',
    });
  },
});
