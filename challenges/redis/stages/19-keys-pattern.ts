import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, bulk, simpleString, unorderedArray } from '../lib/redis.js';

/**
 * Redis's glob rules for the grader's own keys: `*` any run, `?` one byte, `[..]` a set (`^` negates, `a-c` ranges).
 * The key names are chosen so each pattern has matches and near-misses; the expected set is computed, not listed.
 */
function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '*') source += '[\\s\\S]*';
    else if (c === '?') source += '[\\s\\S]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      const body = pattern.slice(i + 1, end);
      source += body.startsWith('^') ? `[^${body.slice(1)}]` : `[${body}]`;
      i = end;
    } else source += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export default defineStage({
  slug: 'keys-pattern',
  title: 'KEYS with glob patterns',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const user = t.random.word();
    const ids = [t.random.int(10, 49), t.random.int(50, 99), t.random.int(100, 999)];
    const keys = [
      ...ids.map((id) => `${user}:${id}`),
      `session:${t.random.alnum(8)}`,
      `session:${t.random.alnum(8)}`,
      ...t.random.shuffle(['hallo', 'hello', 'hxllo', 'hllo', 'heeeello', 'hbllo']).slice(0, 5),
    ];
    for (const key of t.random.shuffle(keys)) await redis.expectReply(['SET', key, t.random.word()], simpleString('OK'));
    const patterns = ['*', `${user}:*`, `${user}:??`, 'session:*', 'h?llo', 'h*llo', 'h[ae]llo', 'h[^e]llo', 'h[a-b]llo', 'nomatch*'];
    for (const pattern of patterns) {
      const matching = keys.filter((key) => globToRegExp(pattern).test(key));
      await redis.expectReply(['KEYS', pattern], unorderedArray(matching.map((key) => bulk(key))), {
        hint:
          'KEYS answers an array of every key matching the glob pattern, in any order: * matches any run of bytes, ? exactly one, ' +
          '[ae] one of the set, [^e] any but those, [a-b] a range. Match the whole key, not a part of it.',
      });
    }
  },
});
