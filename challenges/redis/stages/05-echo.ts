import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, bulk } from '../lib/redis.js';

export default defineStage({
  slug: 'echo',
  title: 'Implement ECHO',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    for (const word of [t.random.word(), `${t.random.word()} ${t.random.word()}`]) {
      await redis.expectReply(['ECHO', word], bulk(word), {
        hint: `Reply with a bulk string: $${Buffer.byteLength(word)}\\r\\n${word}\\r\\n.`,
      });
    }
  },
});
