import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, bulk, errorText, nullBulk, simpleString } from '../lib/redis.js';

const SYNTAX = 'ERR syntax error';
const NOT_AN_INTEGER = 'ERR value is not an integer or out of range';
const INVALID_EXPIRE = "ERR invalid expire time in 'set' command";

export default defineStage({
  slug: 'syntax-errors',
  title: 'Syntax errors in options',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const key = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const value = t.random.word();
    const cases: Array<[string[], string, string]> = t.random.shuffle([
      [['SET', key, value, 'PX', t.random.pick(['notanumber', '12abc', '1.5', ' 100'])], NOT_AN_INTEGER, 'PX takes an integer; anything else is -ERR value is not an integer or out of range.'],
      [['SET', key, value, 'PX', '0'], INVALID_EXPIRE, 'PX must be positive: 0 or less is -ERR invalid expire time in \'set\' command.'],
      [['SET', key, value, 'PX', `-${t.random.int(1, 999)}`], INVALID_EXPIRE, 'A negative PX is an invalid expire time, not a number error.'],
      [['SET', key, value, t.random.pick(['FOO', 'PXX', 'EXPIRE'])], SYNTAX, 'An option SET does not know is -ERR syntax error.'],
      [['SET', key, value, 'PX'], SYNTAX, 'PX without its number is -ERR syntax error (the option is incomplete).'],
    ]);
    for (const [command, error, hint] of cases) {
      await redis.expectReply(command, errorText(error), { hint });
      await redis.expectReply(['GET', key], nullBulk(), {
        hint: 'A SET that failed must store nothing: validate every option before touching the key.',
      });
    }
    await redis.expectReply(['PING'], simpleString('PONG'));
    await redis.expectReply(['SET', key, value, 'px', '10000'], simpleString('OK'), { hint: 'Option names are case-insensitive.' });
    await redis.expectReply(['GET', key], bulk(value));
  },
});
