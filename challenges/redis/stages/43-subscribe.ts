import { defineStage } from '../../../tester/harness/stage.js';
import { SUBSCRIBE_HINT, expectQuiet, randomChannel, subscribed } from '../lib/pubsub.js';
import { RedisTestClient, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'subscribe',
  title: 'SUBSCRIBE',
  async run(t) {
    await t.startProgram();
    const subscriber = await RedisTestClient.open(t, 'subscriber');
    const other = await RedisTestClient.open(t, 'other');
    const channel = randomChannel(t);

    await subscriber.expectReply(['SUBSCRIBE', channel], subscribed(channel, 1), {
      hint:
        `${SUBSCRIBE_HINT} Here: *3\\r\\n$9\\r\\nsubscribe\\r\\n$${Buffer.byteLength(channel)}\\r\\n${channel}\\r\\n:1\\r\\n ` +
        '(two bulk strings, then an integer).',
    });
    // The subscriber now waits for messages: the server must go on serving everyone else.
    await other.expectReply(['PING'], simpleString('PONG'), {
      timeoutMs: 1000,
      hint: 'A subscribed connection waits for messages without blocking the server: other clients must still be answered.',
    });
    await expectQuiet(
      t,
      subscriber,
      'subscribed and nobody has published anything',
      'After the confirmation, a subscribed connection stays open and gets nothing until a message is published (do not close it, do not send anything else).',
    );
  },
});
