import { defineStage } from '../../../tester/harness/stage.js';
import { expectMessage, randomChannel, subscribe } from '../lib/pubsub.js';
import { RedisTestClient, integer } from '../lib/redis.js';

export default defineStage({
  slug: 'message-delivery',
  title: 'Deliver published messages',
  async run(t) {
    await t.startProgram();
    const a = await RedisTestClient.open(t, 'subscriber-a');
    const b = await RedisTestClient.open(t, 'subscriber-b');
    const c = await RedisTestClient.open(t, 'subscriber-c');
    const publisher = await RedisTestClient.open(t, 'publisher');
    const [one, two] = [randomChannel(t, 'news'), randomChannel(t, 'sports')];
    const [first, second, third] = [t.random.words(2).join(' '), t.random.word(), t.random.words(3).join(' ')];
    // Bytes that break a reader of lines or of UTF-8: CRLF, a NUL, a RESP header, and bytes 0x80-0xff.
    const binary = Buffer.concat([
      Buffer.from(`${t.random.word()}\r\n*3\r\n$7\r\nmessage\r\n\0`),
      t.random.bytes(24),
      Buffer.from([0x80, 0xff, 0xc3]),
      Buffer.from(t.random.word()),
    ]);

    await subscribe(a, [one], [1]);
    await subscribe(b, [one, two], [1, 2]);
    await subscribe(c, [two], [1]);

    await publisher.expectReply(['PUBLISH', one, first], integer(2));
    const format =
      'Each subscriber gets *3\\r\\n$7\\r\\nmessage\\r\\n$<len>\\r\\n<channel>\\r\\n$<len>\\r\\n<payload>\\r\\n: three bulk strings, ' +
      'pushed without a request. Write it to each subscribed connection before answering PUBLISH.';
    await expectMessage(a, one, first, { after: `PUBLISH ${one}`, hint: format });
    await expectMessage(b, one, first, { after: `PUBLISH ${one}`, hint: format });

    await publisher.expectReply(['PUBLISH', one, binary], integer(2));
    const binarySafe =
      'The payload is a bulk string like any value: send its exact bytes with their length in bytes ' +
      '(Go: []byte, not string conversions that touch it; Node: Buffers, Buffer.byteLength, not string.length).';
    await expectMessage(a, one, binary, { after: `PUBLISH ${one} <binary payload>`, hint: binarySafe });
    await expectMessage(b, one, binary, { after: `PUBLISH ${one} <binary payload>`, hint: binarySafe });

    await publisher.expectReply(['PUBLISH', two, second], integer(2));
    await expectMessage(b, two, second, {
      after: `PUBLISH ${two}`,
      hint: 'subscriber-b is subscribed to both channels: it gets the messages of both, in the order they were published, each naming its own channel.',
    });
    await expectMessage(c, two, second, {
      after: `PUBLISH ${two}`,
      hint: `subscriber-c is subscribed to ${two} only: the first thing it receives must be this message, not the ones published to ${one}.`,
    });

    await publisher.expectReply(['PUBLISH', one, third], integer(2));
    await expectMessage(a, one, third, {
      after: `PUBLISH ${one}`,
      hint: `subscriber-a is subscribed to ${one} only: it must not have received the message published to ${two}.`,
    });
    await expectMessage(b, one, third, { after: `PUBLISH ${one}` });
    for (const client of [a, b, c]) client.expectNoUnreadBytes();
  },
});
