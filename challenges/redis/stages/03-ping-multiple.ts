import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'ping-multiple',
  title: 'Respond to several PINGs',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const count = t.random.int(3, 5);
    for (let i = 1; i <= count; i++) {
      await redis.expectReply(['PING'], simpleString('PONG'), {
        hint: i > 1 ? 'Keep the connection open and keep reading: one client sends many commands.' : undefined,
      });
    }
  },
});
