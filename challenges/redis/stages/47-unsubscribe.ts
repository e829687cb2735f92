import { defineStage } from '../../../tester/harness/stage.js';
import { bulkOneOf, expectMessage, randomChannel, subscribe, unsubscribed } from '../lib/pubsub.js';
import { RedisTestClient, array, bulk, integer, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'unsubscribe',
  title: 'UNSUBSCRIBE',
  async run(t) {
    await t.startProgram();
    const a = await RedisTestClient.open(t, 'subscriber-a');
    const b = await RedisTestClient.open(t, 'subscriber-b');
    const publisher = await RedisTestClient.open(t, 'publisher');
    const [c1, c2, c3] = t.random.shuffle(['news', 'sports', 'weather', 'music']).slice(0, 3).map((topic) => randomChannel(t, topic)) as [
      string,
      string,
      string,
    ];
    const never = randomChannel(t, 'never');
    const text = (): string => t.random.words(2).join(' ');
    const key = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const value = t.random.word();

    await subscribe(a, [c1, c2, c3], [1, 2, 3]);
    await subscribe(b, [c1], [1]);

    await a.expectReply(['UNSUBSCRIBE', c1], unsubscribed(c1, 2), {
      hint: `UNSUBSCRIBE answers like SUBSCRIBE, one array per channel: *3\\r\\n$11\\r\\nunsubscribe\\r\\n$<len>\\r\\n<channel>\\r\\n:<count>\\r\\n, with the count of channels left (here 2).`,
    });
    const gone = `subscriber-a left ${c1}: remove this connection from the channel, and only this one (subscriber-b stays).`;
    const dropped = text();
    await publisher.expectReply(['PUBLISH', c1, dropped], integer(1), { hint: gone });
    await expectMessage(b, c1, dropped, { after: `PUBLISH ${c1}`, hint: gone });
    const kept = text();
    await publisher.expectReply(['PUBLISH', c2, kept], integer(1));
    await expectMessage(a, c2, kept, {
      after: `PUBLISH ${c1}, then PUBLISH ${c2}`,
      hint: `subscriber-a unsubscribed from ${c1}, so the first message it receives must be the one on ${c2}.`,
    });

    await a.expectReply(['UNSUBSCRIBE', never], unsubscribed(never, 2), {
      hint: 'Unsubscribing from a channel the connection never subscribed to is fine: it is confirmed, and the count does not change.',
    });

    // UNSUBSCRIBE alone leaves every channel: one confirmation each, in an order Redis does not define.
    const left = [c2, c3];
    await a.send(['UNSUBSCRIBE']);
    const all =
      'UNSUBSCRIBE with no arguments unsubscribes from every channel of the connection: one confirmation per channel ' +
      '(any order), counting down to 0.';
    const unconfirmed = [...left];
    for (let i = 0; i < left.length; i++) {
      const context = `UNSUBSCRIBE (confirmation ${i + 1} of ${left.length})`;
      const reply = await a.readReply({ context, hint: all, timeoutMs: 2000 });
      const expected = array([bulk('unsubscribe'), bulkOneOf(unconfirmed), integer(left.length - 1 - i)]);
      a.expectValue(reply, expected, context, `${all} Each channel is confirmed once.`);
      const channel = reply.type === 'array' ? reply.value[1] : undefined;
      if (channel?.type === 'bulk') unconfirmed.splice(unconfirmed.indexOf(channel.value.toString()), 1);
    }
    a.expectNoUnreadBytes();
    await publisher.expectReply(['PUBLISH', c2, text()], integer(0), { hint: 'subscriber-a left every channel: nobody receives this.' });

    const normal = 'With no channel left, the connection is an ordinary client again: commands work as before SUBSCRIBE.';
    await a.expectReply(['PING'], simpleString('PONG'), { hint: `${normal} PING answers +PONG\\r\\n again.` });
    await a.expectReply(['SET', key, value], simpleString('OK'), { hint: normal });
    await a.expectReply(['GET', key], bulk(value), { hint: normal });
    await a.expectReply(['UNSUBSCRIBE'], unsubscribed(null, 0), {
      hint: 'UNSUBSCRIBE with nothing subscribed still answers one array, with a null channel: *3\\r\\n$11\\r\\nunsubscribe\\r\\n$-1\\r\\n:0\\r\\n.',
    });
  },
});
