import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, bulk, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'fragmented-commands',
  title: 'Commands split across reads',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const key = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const value = t.random.words(3).join('-');
    const hint =
      'TCP is a byte stream: a read may return one byte of a command. Keep unparsed bytes in a buffer and parse ' +
      'only when a whole command is there (the array header, then every $len line and its bytes).';
    t.log.info('Sending SET one byte per write, 2 ms apart:');
    await redis.expectReply(['SET', key, value], simpleString('OK'), { pieces: 'bytewise', gapMs: 2, hint });
    t.log.info('Sending GET in 3 writes, cut inside its header lines:');
    const cuts = [3, 12 + t.random.int(0, 3)];
    await redis.expectReply(['GET', key], bulk(value), { pieces: cuts, gapMs: 20, hint });
  },
});
