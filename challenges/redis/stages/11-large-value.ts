import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, bulk, simpleString } from '../lib/redis.js';

const SIZE = 1024 * 1024;

export default defineStage({
  slug: 'large-value',
  title: 'A 1 MiB value',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const key = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const value = t.random.bytes(SIZE);
    const hint =
      'A 1 MiB bulk string arrives over many reads. Keep reading until you have all $len bytes; ' +
      'do not assume a command fits in one read buffer.';
    t.log.info(`Sending SET with a ${SIZE}-byte value:`);
    await redis.expectReply(['SET', key, value], simpleString('OK'), { timeoutMs: 10_000, hint });
    await redis.expectReply(['GET', key], bulk(value), { timeoutMs: 10_000, hint });
  },
});
