import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, bulk, errorText, integer, integerBetween, nullBulk, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'set-options',
  title: 'SET options: EX, NX, XX',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const base = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const [key, fresh, absent] = [`${base}:a`, `${base}:b`, `${base}:c`];
    const [v1, v2, v3, v4] = t.random.words(4);
    const lower = (option: string) => (t.random.int(0, 1) === 1 ? option.toLowerCase() : option);

    const ex = t.random.int(60, 600);
    await redis.expectReply(['SET', key, v1 ?? '', lower('EX'), String(ex)], simpleString('OK'));
    await redis.expectReply(['TTL', key], integerBetween(ex - 1, ex));
    await redis.expectReply(['SET', key, v2 ?? ''], simpleString('OK'));
    await redis.expectReply(['TTL', key], integer(-1), {
      hint: 'A SET without EX or PX replaces the whole key, expiry included: the new value does not expire.',
    });

    const nx = 'NX sets the key only if it does not exist; when it exists SET answers the null bulk string $-1\\r\\n and changes nothing.';
    await redis.expectReply(['SET', key, v3 ?? '', lower('NX')], nullBulk(), { hint: nx });
    await redis.expectReply(['GET', key], bulk(v2 ?? ''), { hint: nx });
    await redis.expectReply(['SET', fresh, v3 ?? '', lower('NX')], simpleString('OK'), { hint: nx });
    await redis.expectReply(['GET', fresh], bulk(v3 ?? ''));

    const xx = 'XX sets the key only if it already exists; when it is missing SET answers $-1\\r\\n and creates nothing.';
    await redis.expectReply(['SET', absent, v4 ?? '', lower('XX')], nullBulk(), { hint: xx });
    await redis.expectReply(['EXISTS', absent], integer(0), { hint: xx });
    await redis.expectReply(['SET', key, v4 ?? '', lower('XX')], simpleString('OK'), { hint: xx });
    await redis.expectReply(['GET', key], bulk(v4 ?? ''));

    await redis.expectReply(['SET', key, v1 ?? '', 'NX', 'XX'], errorText('ERR syntax error'), {
      hint: 'NX and XX contradict each other: -ERR syntax error, and nothing is stored.',
    });
    await redis.expectReply(['SET', key, v1 ?? '', 'EX', '10', 'PX', '10000'], errorText('ERR syntax error'), {
      hint: 'EX and PX together are -ERR syntax error too.',
    });
    await redis.expectReply(['GET', key], bulk(v4 ?? ''), { hint: 'A SET with a syntax error stores nothing.' });
    await redis.expectReply(['SET', fresh, v1 ?? '', 'XX', 'PX', '50000'], simpleString('OK'), { hint: 'Options combine, in any order.' });
    await redis.expectReply(['PTTL', fresh], integerBetween(45_000, 50_000));
  },
});
