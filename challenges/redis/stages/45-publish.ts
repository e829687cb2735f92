import { defineStage } from '../../../tester/harness/stage.js';
import { randomChannel, subscribe } from '../lib/pubsub.js';
import { RedisTestClient, integer, integerBetween, simpleString } from '../lib/redis.js';

/** How long the server may take to notice that a subscriber disconnected. */
const FORGET_MS = 2000;
/** Between two PUBLISHes while waiting for that. */
const POLL_MS = 20;

export default defineStage({
  slug: 'publish',
  title: 'PUBLISH counts receivers',
  async run(t) {
    await t.startProgram();
    const publisher = await RedisTestClient.open(t, 'publisher');
    const [channel, other] = [randomChannel(t, 'news'), randomChannel(t, 'sports')];
    const text = (): string => t.random.words(2).join(' ');
    const counts =
      'PUBLISH answers how many connections are subscribed to exactly this channel, as an integer (:N\\r\\n). ' +
      'Keep a map from channel to its subscribed connections, and answer the size of the channel\'s entry.';

    await publisher.expectReply(['PUBLISH', channel, text()], integer(0), {
      hint: `Nobody is subscribed to ${channel} yet: PUBLISH answers :0\\r\\n (the message is simply dropped).`,
    });

    const a = await RedisTestClient.open(t, 'subscriber-a');
    await subscribe(a, [channel], [1]);
    await publisher.expectReply(['PUBLISH', channel, text()], integer(1), { hint: counts });
    const b = await RedisTestClient.open(t, 'subscriber-b');
    await subscribe(b, [channel], [1]);
    await publisher.expectReply(['PUBLISH', channel, text()], integer(2), { hint: counts });
    const c = await RedisTestClient.open(t, 'subscriber-c');
    await subscribe(c, [other], [1]);
    await publisher.expectReply(['PUBLISH', channel, text()], integer(2), {
      hint: `subscriber-c subscribed to ${other}, not to ${channel}: only subscribers of the channel itself count.`,
    });
    await publisher.expectReply(['PUBLISH', other, text()], integer(1), { hint: counts });
    await publisher.expectReply(['PUBLISH', channel.toUpperCase(), text()], integer(0), {
      hint: 'Channel names are binary strings compared exactly: NEWS:... is not news:... (do not lowercase arguments).',
    });

    // A subscriber that goes away is no longer a receiver, and writing to it must not hurt the server.
    t.log.info('subscriber-a closes its connection.');
    a.connection.destroy();
    // No event tells the grader that the server has seen the close: PUBLISH every 20 ms until it counts 1.
    const started = Date.now();
    const forgotten =
      `subscriber-a closed its connection; within ${FORGET_MS} ms PUBLISH must count only subscriber-b. When a connection ends ` +
      '(Go: the read returns io.EOF or an error; Node: the socket\'s "close" event), remove it from every channel it subscribed to. ' +
      'A write to a closed socket fails (EPIPE, ECONNRESET): handle that error (Node: socket.on("error", ...)) instead of crashing.';
    for (;;) {
      const isLast = Date.now() - started > FORGET_MS;
      const reply = await publisher.expectReply(['PUBLISH', channel, text()], isLast ? integer(1) : integerBetween(1, 2), { hint: forgotten });
      if (reply.type === 'integer' && reply.value === 1n) break;
      await publisher.pause(POLL_MS);
    }
    t.log.info(`PUBLISH counted 1 receiver ${Date.now() - started} ms after subscriber-a closed.`);
    await publisher.expectReply(['PING'], simpleString('PONG'), { hint: forgotten });
    await publisher.expectReply(['PUBLISH', other, text()], integer(1), {
      hint: `subscriber-c is still subscribed to ${other}: a subscriber leaving must not change other channels.`,
    });
  },
});
