import { defineStage } from '../../../tester/harness/stage.js';
import { type RdbString, startWithRdb } from '../lib/rdb.js';
import { RedisTestClient, bulk, integerBetween, nullBulk, unorderedArray } from '../lib/redis.js';

const HOUR = 3_600_000;

export default defineStage({
  slug: 'rdb-expiry',
  title: 'Load expiries from an RDB file',
  async run(t) {
    const prefix = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const now = Date.now();
    const inSeconds = (ms: number) => Math.floor(ms / 1000) * 1000;
    const entries: RdbString[] = t.random.shuffle([
      { key: `${prefix}:past-ms`, value: t.random.word(), expiry: { at: now - t.random.int(1, 48) * HOUR, unit: 'ms' as const } },
      { key: `${prefix}:past-s`, value: t.random.word(), expiry: { at: inSeconds(now - t.random.int(1, 48) * HOUR), unit: 's' as const } },
      { key: `${prefix}:future-ms`, value: t.random.word(), expiry: { at: now + t.random.int(1, 48) * HOUR + t.random.int(0, 999), unit: 'ms' as const } },
      { key: `${prefix}:future-s`, value: t.random.word(), expiry: { at: inSeconds(now + t.random.int(1, 48) * HOUR), unit: 's' as const } },
      { key: `${prefix}:forever`, value: t.random.word() },
    ]);
    await startWithRdb(t, entries);
    const redis = await RedisTestClient.open(t);
    const live = entries.filter((entry) => entry.expiry === undefined || entry.expiry.at > now);
    await redis.expectReply(['KEYS', '*'], unorderedArray(live.map((entry) => bulk(String(entry.key)))), {
      hint: 'Keys whose expiry time is already past are not loaded (or count as missing): KEYS lists only the live ones.',
    });
    for (const entry of entries) {
      const key = String(entry.key);
      const expiry = entry.expiry;
      if (expiry !== undefined && expiry.at <= now) {
        await redis.expectReply(['GET', key], nullBulk(), {
          hint: `${key} expired ${Math.round((now - expiry.at) / HOUR)} h ago (0x${expiry.unit === 'ms' ? 'FC' : 'FD'} in the file): GET answers $-1\\r\\n.`,
        });
        continue;
      }
      await redis.expectReply(['GET', key], bulk(String(entry.value)));
      if (expiry === undefined) continue;
      const left = expiry.at - Date.now();
      await redis.expectReply(['PTTL', key], integerBetween(left - 2000, left + 5), {
        hint:
          expiry.unit === 'ms'
            ? '0xFC is followed by the expiry time as 8 bytes, little-endian, in milliseconds since the Unix epoch.'
            : '0xFD is followed by the expiry time as 4 bytes, little-endian, in SECONDS since the Unix epoch: multiply by 1000.',
      });
    }
  },
});
