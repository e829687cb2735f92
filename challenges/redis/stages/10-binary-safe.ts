import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, bulk, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'binary-safe',
  title: 'Binary-safe values',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const key = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    // CRLF and NUL inside the value, and bytes that are not valid UTF-8.
    const value = Buffer.concat([
      Buffer.from(t.random.word()),
      Buffer.from('\r\n'),
      Buffer.from([0x00]),
      t.random.bytes(16),
      Buffer.from([0x80, 0xfe, 0xff]),
      Buffer.from(`\r\n${t.random.word()}`),
    ]);
    const hint =
      'A bulk string is exactly $len bytes: read that many bytes, whatever they are, then the CRLF. ' +
      'Never split a value on \\r\\n, and keep it as bytes ([]byte in Go, Buffer in Node), not text.';
    await redis.expectReply(['SET', key, value], simpleString('OK'), { hint });
    await redis.expectReply(['GET', key], bulk(value), { hint });
    const echoed = Buffer.from(`${t.random.word()}\r\n${t.random.word()}`);
    await redis.expectReply(['ECHO', echoed], bulk(echoed), { hint });
  },
});
