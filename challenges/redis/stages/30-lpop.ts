import { defineStage } from '../../../tester/harness/stage.js';
import { listOf, randomKey, randomValues } from '../lib/lists.js';
import { RedisTestClient, bulk, integer, nullBulk, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'lpop',
  title: 'LPOP',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const key = randomKey(t);
    const [first, second] = randomValues(t, 2) as [string, string];
    // The last element is binary: CRLF, a NUL and high bytes, which only a length-prefixed bulk string carries.
    const binary = Buffer.concat([Buffer.from(`${t.random.word()}\r\n`), Buffer.from([0, 0x80 + t.random.int(0, 0x7f), 0xff]), t.random.bytes(4)]);
    await redis.expectReply(['RPUSH', key, first, second], integer(2));
    await redis.expectReply(['RPUSH', key, binary], integer(3));

    const hint = 'LPOP removes the first element of the list and answers it as a bulk string.';
    await redis.expectReply(['LPOP', key], bulk(first), { hint });
    await redis.expectReply(['LPOP', key], bulk(second), { hint: `${hint} The next LPOP answers the next one: remove what you popped.` });
    await redis.expectReply(['LRANGE', key, '0', '-1'], listOf([binary]), { hint: 'Two LPOPs left one element.' });
    await redis.expectReply(['LPOP', key], bulk(binary), { hint: `${hint} Its bytes are sent back as they were pushed, with the length in bytes first.` });

    const gone =
      'Redis deletes a list when its last element is removed: an empty list never stays in the keyspace. ' +
      'After popping the last element, delete the key (Go: delete(db, key); Node: map.delete(key)).';
    await redis.expectReply(['EXISTS', key], integer(0), { hint: gone });
    await redis.expectReply(['TYPE', key], simpleString('none'), { hint: gone });
    await redis.expectReply(['LPOP', key], nullBulk(), { hint: 'LPOP of an empty (so missing) list answers the null bulk string $-1\\r\\n.' });
    await redis.expectReply(['LPOP', `missing:${t.random.alnum(6)}`], nullBulk(), { hint: 'LPOP of a missing key answers the null bulk string $-1\\r\\n.' });
    await redis.expectReply(['RPUSH', key, second], integer(1), { hint: 'The key was deleted, so RPUSH starts a new list.' });
  },
});
