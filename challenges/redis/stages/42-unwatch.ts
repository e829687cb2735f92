import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, array, bulk, nullArray, simpleString } from '../lib/redis.js';
import { randomKey, transaction } from '../lib/transactions.js';

export default defineStage({
  slug: 'unwatch',
  title: 'UNWATCH, and when watches end',
  async run(t) {
    await t.startProgram();
    const a = await RedisTestClient.open(t, 'client-a');
    const writer = await RedisTestClient.open(t, 'writer');
    const key = randomKey(t);
    const values = t.random.words(12);
    const next = (): string => values.shift() ?? t.random.alnum(8);
    const ran = array([simpleString('OK')]);
    const write = async (): Promise<void> => {
      await writer.expectReply(['SET', key, next()], simpleString('OK'));
    };

    t.log.info('1. UNWATCH forgets the watch: the write before it no longer matters.');
    await a.expectReply(['WATCH', key], simpleString('OK'));
    await write();
    await a.expectReply(['UNWATCH'], simpleString('OK'), {
      hint: 'UNWATCH forgets every key this connection watches and answers +OK\\r\\n.',
    });
    let mine = next();
    await transaction(a, [['SET', key, mine]], ran, {
      exec: 'After UNWATCH nothing is watched: the write before it no longer aborts the transaction, so EXEC runs it.',
    });
    await writer.expectReply(['GET', key], bulk(mine));

    t.log.info('2. EXEC ends the watches, after a transaction that ran.');
    await a.expectReply(['WATCH', key], simpleString('OK'));
    await transaction(a, [['SET', key, next()]], ran, { exec: 'Nobody wrote the watched key: EXEC runs the transaction.' });
    await write();
    mine = next();
    await transaction(a, [['SET', key, mine]], ran, {
      exec:
        'Every EXEC ends the watches of its connection (Redis unwatches all keys at EXEC), so the write after the previous EXEC ' +
        'must not abort this transaction: clear the connection\'s watched keys in EXEC.',
    });
    await writer.expectReply(['GET', key], bulk(mine));

    t.log.info('3. EXEC ends the watches after an aborted transaction too.');
    await a.expectReply(['WATCH', key], simpleString('OK'));
    await write();
    await transaction(a, [['SET', key, next()]], nullArray(), { exec: 'The watched key was written after WATCH: EXEC must answer *-1\\r\\n.' });
    await write();
    mine = next();
    await transaction(a, [['SET', key, mine]], ran, {
      exec: 'An aborted EXEC (*-1) ends the watches as well: clear the watched keys on both paths of EXEC, so this transaction runs.',
    });
    await writer.expectReply(['GET', key], bulk(mine));

    t.log.info('4. DISCARD ends the watches.');
    await a.expectReply(['WATCH', key], simpleString('OK'));
    await a.expectReply(['MULTI'], simpleString('OK'));
    await a.expectReply(['DISCARD'], simpleString('OK'));
    await write();
    mine = next();
    await transaction(a, [['SET', key, mine]], ran, {
      exec: 'DISCARD ends the watches of its connection, like EXEC: clear the watched keys in DISCARD, so this transaction runs.',
    });
    await writer.expectReply(['GET', key], bulk(mine));

    await a.expectReply(['UNWATCH'], simpleString('OK'), { hint: 'UNWATCH with nothing watched is fine: +OK\\r\\n.' });
  },
});
