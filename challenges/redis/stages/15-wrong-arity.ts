import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, bulk, errorText, nullBulk, simpleString } from '../lib/redis.js';

/** `gEt`: Redis accepts any case and names the command in lower case in its error. */
function randomCase(name: string, coin: () => boolean): string {
  return [...name].map((c) => (coin() ? c.toUpperCase() : c.toLowerCase())).join('');
}

export default defineStage({
  slug: 'wrong-arity',
  title: 'Wrong number of arguments',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const coin = () => t.random.int(0, 1) === 1;
    const key = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const word = t.random.word();
    const arity = (name: string) => errorText(`ERR wrong number of arguments for '${name}' command`);
    const hint =
      "Check the number of arguments before running a command. Redis names the command in lower case, whatever case the client used: " +
      "-ERR wrong number of arguments for 'get' command\\r\\n.";
    const cases: Array<[string[], string]> = t.random.shuffle([
      [[randomCase('GET', coin)], 'get'],
      [[randomCase('GET', coin), key, `${key}:other`], 'get'],
      [[randomCase('SET', coin), key], 'set'],
      [[randomCase('ECHO', coin)], 'echo'],
      [[randomCase('ECHO', coin), word, word], 'echo'],
    ]);
    for (const [command, name] of cases) {
      await redis.expectReply(command, arity(name), { hint });
      await redis.expectReply(['ECHO', word], bulk(word), { hint: 'After an error reply the connection must keep working.' });
    }
    await redis.expectReply(['GET', key], nullBulk(), { hint: `The failed SET ${key} must not store anything.` });
    await redis.expectReply(['SET', key, word], simpleString('OK'));
    await redis.expectReply(['GET', key], bulk(word));
  },
});
