import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, bulk, nullBulk, simpleString, type RespExpectation } from '../lib/redis.js';

export default defineStage({
  slug: 'pipelining',
  title: 'Pipelined commands',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const key = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const [value, word] = [t.random.word(), t.random.word()];
    const batch: Array<[string[], RespExpectation]> = t.random.shuffle([
      [['PING'], simpleString('PONG')],
      [['ECHO', word], bulk(word)],
      [['GET', `missing:${t.random.alnum(6)}`], nullBulk()],
    ] as Array<[string[], RespExpectation]>);
    // SET before GET of the same key, the rest in random order around them.
    batch.splice(t.random.int(0, batch.length), 0, [['SET', key, value], simpleString('OK')]);
    batch.push([['GET', key], bulk(value)], [['PING'], simpleString('PONG')]);
    await redis.sendPipelined(batch.map(([command]) => command));
    const hint =
      'All commands arrived in one read. Answer every complete command in your buffer, in order, before reading again.';
    for (const [command, expected] of batch) {
      const reply = await redis.readReply({ timeoutMs: 3000, hint, context: command.join(' ') });
      redis.expectValue(reply, expected, command.join(' '), hint);
    }
    redis.expectNoUnreadBytes();
  },
});
