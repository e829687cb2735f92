import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, errorText, simpleString } from '../lib/redis.js';

/** `FoObAr`: the name in a random mix of cases, because Redis quotes it back exactly as it was sent. */
function mixedCase(name: string, flips: boolean[]): string {
  return [...name].map((c, i) => (flips[i] ? c.toUpperCase() : c.toLowerCase())).join('');
}

export default defineStage({
  slug: 'unknown-command',
  title: 'Unknown commands',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const hint =
      "Redis quotes the name exactly as sent, then each argument in single quotes followed by one space: " +
      "-ERR unknown command 'FOO', with args beginning with: 'a' 'b' \\r\\n. With no arguments the text ends with ': ' (colon, space).";
    const names = t.random.shuffle(['FOOBAR', 'HELLOWORLD', 'SETX', 'GETT', 'FLY', 'BYOCMD']).slice(0, 3);
    for (const [i, base] of names.entries()) {
      const name = mixedCase(base, [...base].map(() => t.random.int(0, 1) === 1));
      const args = t.random.words(i); // 0, 1, then 2 arguments
      const quoted = args.map((arg) => `'${arg}' `).join('');
      await redis.expectReply([name, ...args], errorText(`ERR unknown command '${name}', with args beginning with: ${quoted}`), { hint });
      await redis.expectReply(['PING'], simpleString('PONG'), {
        hint: 'An error is a reply like any other: the connection stays open and the next command is answered.',
      });
    }
  },
});
