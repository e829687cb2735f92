import { defineStage } from '../../../tester/harness/stage.js';
import { randomKey, randomValues } from '../lib/lists.js';
import { RedisTestClient, integer, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'rpush',
  title: 'RPUSH: create a list',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const [key, other] = [randomKey(t, 'left'), randomKey(t, 'right')];
    const first = t.random.word();
    // `first` again among the next values on purpose: a list keeps every value, repeated ones too.
    const more = t.random.shuffle([...randomValues(t, t.random.int(1, 3)), first]);
    const others = randomValues(t, t.random.int(1, 3));
    const hint = 'RPUSH appends its values to the end of the list at the key and answers the new length as an integer, :N\\r\\n.';

    await redis.expectReply(['RPUSH', key, first], integer(1), {
      hint: 'RPUSH on a missing key creates a list holding that one value, and answers its length: :1\\r\\n.',
    });
    await redis.expectReply(['RPUSH', key, ...more], integer(1 + more.length), {
      hint: `RPUSH takes one or more values and appends them all, duplicates included: 1 + ${more.length} values make a length of ${1 + more.length}.`,
    });
    await redis.expectReply(['TYPE', key], simpleString('list'), {
      hint:
        'TYPE names the kind of value at the key: +list\\r\\n for a list, +string for a SET value. Keep the kind with each value ' +
        '(Go: map[string]*entry with a kind and a []string; Node: Map<string, { kind: "list", items: Buffer[] }>).',
    });
    await redis.expectReply(['RPUSH', other, ...others], integer(others.length), {
      hint: 'Each key holds its own list: a new key starts empty, whatever the other lists hold.',
    });
    await redis.expectReply(['RPUSH', key, first], integer(2 + more.length), { hint });
    await redis.expectReply(['EXISTS', key, other, `missing:${t.random.alnum(6)}`], integer(2), {
      hint: 'A list is a key like any other: EXISTS counts it, whichever map or table your lists live in.',
    });
  },
});
