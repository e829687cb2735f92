import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'ping-multiple',
  title: 'Respond to several PINGs',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const count = t.random.int(3, 5);
    // Command names are case-insensitive; CodeCrafters' tester sends them in lowercase.
    const spellings = ['PING', 'ping', 'Ping'];
    for (let i = 1; i <= count; i++) {
      const name = spellings[(i - 1) % spellings.length] as string;
      await redis.expectReply([name], simpleString('PONG'), {
        hint: i > 1 ? 'Keep the connection open and keep reading, and compare command names without regard to case.' : undefined,
      });
    }
  },
});
