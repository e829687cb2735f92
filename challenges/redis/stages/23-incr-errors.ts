import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, bulk, errorText, integer, simpleString } from '../lib/redis.js';

const NOT_AN_INTEGER = 'ERR value is not an integer or out of range';
const OVERFLOW = 'ERR increment or decrement would overflow';

export default defineStage({
  slug: 'incr-errors',
  title: 'INCR errors',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const key = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const notIntegers = [t.random.word(), ` ${t.random.int(1, 9)}`, `0${t.random.int(1, 9)}`, `${t.random.int(1, 9)}.5`, '', '+5', '9223372036854775808'];
    for (const text of t.random.shuffle(notIntegers).slice(0, 5)) {
      await redis.expectReply(['SET', key, text], simpleString('OK'));
      await redis.expectReply([t.random.pick(['INCR', 'DECR']), key], errorText(NOT_AN_INTEGER), {
        hint:
          'Only the exact decimal form of a signed 64-bit integer counts: no spaces, no leading zeros or +, no decimal point, not empty. ' +
          'Otherwise answer -ERR value is not an integer or out of range.',
      });
      await redis.expectReply(['GET', key], bulk(text), { hint: 'A failed INCR leaves the value as it was.' });
    }
    const max = '9223372036854775807';
    await redis.expectReply(['SET', key, max], simpleString('OK'));
    await redis.expectReply(['INCR', key], errorText(OVERFLOW), {
      hint: `${max} is the largest signed 64-bit integer: check before adding (Go: a > 0 && x > math.MaxInt64-a), never wrap around.`,
    });
    await redis.expectReply(['GET', key], bulk(max));
    await redis.expectReply(['SET', key, '-9223372036854775808'], simpleString('OK'));
    await redis.expectReply(['DECRBY', key, String(t.random.int(1, 100))], errorText(OVERFLOW), { hint: 'The same holds below the smallest int64.' });
    await redis.expectReply(['SET', key, '10'], simpleString('OK'));
    await redis.expectReply(['INCRBY', key, t.random.pick(['ten', '1.5', '', '5x'])], errorText(NOT_AN_INTEGER), {
      hint: 'The increment must be an integer too.',
    });
    await redis.expectReply(['INCRBY', key, '-3'], integer(7), { hint: 'After the errors the value and the connection still work.' });
  },
});
