import { defineStage } from '../../../tester/harness/stage.js';
import { type RdbString, startWithRdb } from '../lib/rdb.js';
import { RedisTestClient, bulk } from '../lib/redis.js';

export default defineStage({
  slug: 'rdb-values',
  title: 'Load string values from an RDB file',
  async run(t) {
    const prefix = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const values: string[] = t.random.shuffle([
      t.random.word(),
      t.random.text(t.random.int(64, 200)), // a 14-bit length (01 prefix)
      t.random.alnum(t.random.int(16_400, 20_000)), // a 32-bit length (0x80 prefix)
      String(t.random.int(0, 127)), // an 8-bit integer encoding (0xC0)
      String(-t.random.int(1, 128)), // 0xC0 is signed: -1 is 0xFF, not 255
      String(-t.random.int(129, 32_768)), // 16-bit (0xC1)
      String(t.random.int(40_000, 2_000_000_000)), // 32-bit (0xC2)
      '', // the empty string: length 0
    ]);
    const entries: RdbString[] = values.map((value, i) => ({ key: `${prefix}:${i}`, value }));
    await startWithRdb(t, entries);
    const redis = await RedisTestClient.open(t);
    for (const { key, value } of entries) {
      const text = String(value);
      const isInteger = /^-?\d+$/.test(text);
      await redis.expectReply(['GET', String(key)], bulk(text), {
        hint: isInteger
          ? 'Small integers are stored as numbers: a length byte starting with the bits 11 means a special encoding, ' +
            '0xC0 one signed byte (0xFF is -1), 0xC1 two bytes and 0xC2 four bytes, little-endian. GET answers the number as decimal text.'
          : 'A string is its length then its bytes. Length bytes: 00xxxxxx is 6 bits, 01xxxxxx plus one byte is 14 bits (big-endian), ' +
            '0x80 is followed by a 32-bit big-endian length.',
      });
    }
  },
});
