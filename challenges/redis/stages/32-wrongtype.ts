import { defineStage } from '../../../tester/harness/stage.js';
import { listOf, randomKey, randomValues } from '../lib/lists.js';
import { RedisTestClient, bulk, errorText, integer, simpleString } from '../lib/redis.js';

const WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';

export default defineStage({
  slug: 'wrongtype',
  title: 'WRONGTYPE errors',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const [text, list] = [randomKey(t, 'string'), randomKey(t, 'list')];
    const value = t.random.word();
    const items = randomValues(t, t.random.int(2, 4));
    const other = t.random.word();
    await redis.expectReply(['SET', text, value], simpleString('OK'));
    await redis.expectReply(['RPUSH', list, ...items], integer(items.length));

    const hint = (what: string): string =>
      `${what}: answer -${WRONGTYPE}\\r\\n (the error code is WRONGTYPE, not ERR) and change nothing. ` +
      'Look the key up first and check its kind before doing anything else.';
    const onString = hint('A list command on a key holding a string');
    const listCommands = t.random.shuffle([
      ['RPUSH', text, other],
      ['LPUSH', text, other],
      ['LRANGE', text, '0', '-1'],
      ['LLEN', text],
      ['LPOP', text],
      ['LPOP', text, '2'],
    ]);
    for (const command of listCommands) await redis.expectReply(command, errorText(WRONGTYPE), { hint: onString });
    await redis.expectReply(['GET', text], bulk(value), { hint: 'The string must be untouched by the failed list commands.' });
    await redis.expectReply(['TYPE', text], simpleString('string'), { hint: 'The string must still be a string after the failed list commands.' });

    const onList = hint('GET or INCR on a key holding a list');
    const stringCommands = t.random.shuffle([['GET', list], ['INCR', list], ['INCRBY', list, String(t.random.int(2, 99))]]);
    for (const command of stringCommands) await redis.expectReply(command, errorText(WRONGTYPE), { hint: onList });
    await redis.expectReply(['LRANGE', list, '0', '-1'], listOf(items), { hint: 'The list must be untouched by the failed GET and INCR.' });

    // SET is the exception: it replaces whatever the key held, whatever its kind.
    await redis.expectReply(['SET', list, value], simpleString('OK'), {
      hint: 'SET never answers WRONGTYPE: it overwrites the key whatever kind of value it held.',
    });
    await redis.expectReply(['TYPE', list], simpleString('string'), { hint: 'After SET, the key holds a string: the list is gone.' });
    await redis.expectReply(['GET', list], bulk(value));
  },
});
