import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, bulk, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'inline-commands',
  title: 'Inline commands',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const hint =
      'A line that does not start with * is an inline command: its words are separated by spaces and it ends ' +
      'with \\r\\n (RESP spec, "Inline commands"). telnet and nc users type commands this way.';
    const word = t.random.word();
    const key = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const value = t.random.word();
    const steps: Array<[string, Parameters<RedisTestClient['expectValue']>[1]]> = [
      ['PING\r\n', simpleString('PONG')],
      [`ECHO ${word}\r\n`, bulk(word)],
      [`SET ${key} ${value}\r\n`, simpleString('OK')],
    ];
    for (const [line, expected] of steps) {
      await redis.sendRaw(line);
      redis.expectValue(await redis.readReply({ hint, context: line.trim() }), expected, `the inline command ${line.trim()}`, hint);
      redis.expectNoUnreadBytes();
    }
    await redis.expectReply(['GET', key], bulk(value), { hint: 'Inline and RESP commands share the same database.' });
  },
});
