import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'ping',
  title: 'Respond to PING',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    await redis.expectReply(['PING'], simpleString('PONG'), {
      hint: 'Reply with the simple string +PONG\\r\\n (a plus sign, the text, CRLF), not a bulk string.',
    });
  },
});
