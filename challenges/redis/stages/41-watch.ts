import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, array, bulk, errorText, integer, nullArray, simpleString } from '../lib/redis.js';
import { QUEUED_HINT, queued, randomKey, transaction } from '../lib/transactions.js';

const ABORTED =
  'A key this connection WATCHes was written by another client after the WATCH, so EXEC must run nothing and answer the ' +
  'null array *-1\\r\\n. Give every key a version (or a "dirty" flag per watching client) that every write bumps; at WATCH ' +
  'remember the version, at EXEC compare.';

export default defineStage({
  slug: 'watch',
  title: 'WATCH',
  async run(t) {
    await t.startProgram();
    // Each scenario watches from a fresh connection, so that it holds no watch but its own.
    const writer = await RedisTestClient.open(t, 'writer');
    const [key, calm, other, fresh] = [randomKey(t, 'key'), randomKey(t, 'calm'), randomKey(t, 'other'), randomKey(t, 'fresh')];
    const [first, theirs, mine, item] = t.random.words(4) as [string, string, string, string];
    const kept = 'The aborted transaction ran nothing: the key keeps the value the writer wrote.';

    t.log.info('1. Another client writes the watched key: EXEC aborts, and their value stays.');
    const w1 = await RedisTestClient.open(t, 'watcher-1');
    await w1.expectReply(['SET', key, first], simpleString('OK'));
    await w1.expectReply(['WATCH', key], simpleString('OK'), {
      hint: "WATCH key answers +OK\\r\\n and remembers the key for this connection's next EXEC.",
    });
    await writer.expectReply(['SET', key, theirs], simpleString('OK'));
    await transaction(w1, [['SET', key, mine]], nullArray(), { exec: ABORTED });
    await w1.expectReply(['GET', key], bulk(theirs), { hint: kept });
    await writer.expectReply(['GET', key], bulk(theirs), { hint: kept });

    t.log.info('2. Nobody writes the watched key (the writer reads it and writes another key): EXEC runs.');
    const w2 = await RedisTestClient.open(t, 'watcher-2');
    await w2.expectReply(['SET', calm, first], simpleString('OK'));
    await w2.expectReply(['WATCH', calm], simpleString('OK'));
    await writer.expectReply(['GET', calm], bulk(first));
    await writer.expectReply(['SET', other, theirs], simpleString('OK'));
    await transaction(w2, [['SET', calm, mine], ['INCR', `${other}:n`]], array([simpleString('OK'), integer(1)]), {
      exec:
        'Only a write to a watched key aborts the transaction. The writer read the key (GET) and wrote another one; ' +
        'neither may abort: EXEC runs the queued commands.',
    });
    await writer.expectReply(['GET', calm], bulk(mine));

    t.log.info('3. Writing the value the key already holds is still a write.');
    const w3 = await RedisTestClient.open(t, 'watcher-3');
    await w3.expectReply(['WATCH', key], simpleString('OK'));
    await writer.expectReply(['SET', key, theirs], simpleString('OK'));
    await transaction(w3, [['SET', key, mine]], nullArray(), {
      exec:
        `The writer wrote ${key} again with the value it already had. That is still a write: Redis tracks writes, not values, ` +
        'so EXEC must answer *-1\\r\\n. Comparing values at EXEC misses it.',
    });
    await w3.expectReply(['GET', key], bulk(theirs), { hint: kept });

    t.log.info('4. Two watched keys, one missing; the writer creates it with RPUSH, after MULTI.');
    const w4 = await RedisTestClient.open(t, 'watcher-4');
    await w4.expectReply(['WATCH', calm, fresh], simpleString('OK'), { hint: 'WATCH takes one or more keys; missing keys can be watched too.' });
    await w4.expectReply(['MULTI'], simpleString('OK'));
    await w4.expectReply(['SET', calm, theirs], queued(), { hint: QUEUED_HINT });
    await writer.expectReply(['RPUSH', fresh, item], integer(1));
    await w4.expectReply(['EXEC'], nullArray(), {
      hint:
        `watcher-4 watched ${fresh} while it did not exist, and the writer created it with RPUSH (after MULTI: what counts is ` +
        'any write between WATCH and EXEC). Every command that changes a key (SET, INCR, DEL, RPUSH, LPUSH, LPOP, ...) counts, ' +
        'also when it creates the key: EXEC must answer *-1\\r\\n.',
    });
    await w4.expectReply(['GET', calm], bulk(mine), { hint: 'The aborted transaction ran nothing.' });

    t.log.info('5. WATCH inside MULTI is refused, and the transaction goes on.');
    const w5 = await RedisTestClient.open(t, 'watcher-5');
    await w5.expectReply(['MULTI'], simpleString('OK'));
    await w5.expectReply(['SET', key, mine], queued(), { hint: QUEUED_HINT });
    await w5.expectReply(['WATCH', other], errorText('ERR WATCH inside MULTI is not allowed'), {
      hint: 'WATCH is not queued: inside MULTI it answers -ERR WATCH inside MULTI is not allowed\\r\\n at once.',
    });
    await w5.expectReply(['EXEC'], array([simpleString('OK')]), {
      hint: 'The refused WATCH neither aborts the transaction (no EXECABORT) nor watches anything: EXEC runs the SET.',
    });
    await writer.expectReply(['GET', key], bulk(mine));
  },
});
