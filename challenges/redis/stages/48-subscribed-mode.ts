import type { StageContext } from '../../../tester/harness/context.js';
import { defineStage } from '../../../tester/harness/stage.js';
import { expectMessage, randomChannel, subscribe } from '../lib/pubsub.js';
import { RedisTestClient, array, bulk, errorText, integer, nullBulk } from '../lib/redis.js';

/** `GeT`: a random mix of cases; Redis names the command in lower case whatever the client sent. */
function mixedCase(t: StageContext, name: string): string {
  return [...name].map((c) => (t.random.int(0, 1) === 1 ? c.toUpperCase() : c.toLowerCase())).join('');
}

function refused(name: string): string {
  return `ERR Can't execute '${name}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`;
}

export default defineStage({
  slug: 'subscribed-mode',
  title: 'Subscribed mode',
  async run(t) {
    await t.startProgram();
    const subscriber = await RedisTestClient.open(t, 'subscriber');
    const other = await RedisTestClient.open(t, 'other');
    const channel = randomChannel(t);
    const key = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const [value, word, payload] = [t.random.word(), t.random.words(2).join(' '), t.random.words(2).join(' ')];

    await subscribe(subscriber, [channel], [1]);
    const restricted =
      "A subscribed connection may only send (P|S)SUBSCRIBE, (P|S)UNSUBSCRIBE, PING, QUIT and RESET. Anything else gets this exact error, with the command's name in lower case: " +
      "-ERR Can't execute '<name>': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\\r\\n. " +
      'Check it before running the command: when the connection has at least one channel and the command is not one of these.';
    for (const [name, args] of t.random.shuffle<[string, string[]]>([
      ['get', [key]],
      ['set', [key, value]],
      ['echo', [word]],
    ])) {
      await subscriber.expectReply([mixedCase(t, name), ...args], errorText(refused(name)), { hint: restricted });
    }
    await other.expectReply(['GET', key], nullBulk(), { hint: 'The refused SET must not have run.' });

    await subscriber.expectReply(['PING'], array([bulk('pong'), bulk('')]), {
      hint:
        'In subscribed mode PING answers in the shape of a pushed message, an array: *2\\r\\n$4\\r\\npong\\r\\n$0\\r\\n\\r\\n ' +
        '("pong" in lower case, then an empty bulk string), not +PONG\\r\\n.',
    });
    await subscriber.expectReply(['PING', word], array([bulk('pong'), bulk(word)]), {
      hint: `PING with an argument in subscribed mode: *2\\r\\n$4\\r\\npong\\r\\n$${Buffer.byteLength(word)}\\r\\n${word}\\r\\n.`,
    });

    await other.expectReply(['PUBLISH', channel, payload], integer(1), {
      hint: 'The refused commands do not end the subscription: the subscriber still counts as a receiver.',
    });
    await expectMessage(subscriber, channel, payload, {
      after: `PUBLISH ${channel}`,
      hint: 'After the refused commands and the PINGs the connection is still subscribed and gets the channel\'s messages.',
    });
  },
});
