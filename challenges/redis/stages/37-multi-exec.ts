import { defineStage } from '../../../tester/harness/stage.js';
import { listOf } from '../lib/lists.js';
import { RedisTestClient, array, bulk, integer, nullBulk, simpleString } from '../lib/redis.js';
import { QUEUED_HINT, queued, randomKey } from '../lib/transactions.js';

export default defineStage({
  slug: 'multi-exec',
  title: 'MULTI and EXEC',
  async run(t) {
    await t.startProgram();
    const a = await RedisTestClient.open(t, 'client-a');
    const b = await RedisTestClient.open(t, 'client-b');
    const [counter, list] = [randomKey(t, 'count'), randomKey(t, 'list')];
    const start = t.random.int(10, 99);
    const items = t.random.words(t.random.int(2, 3));

    await a.expectReply(['MULTI'], simpleString('OK'), {
      hint: 'MULTI starts a transaction on this connection: remember that the connection is in MULTI and answer +OK\\r\\n.',
    });
    const commands: string[][] = [
      ['SET', counter, String(start)],
      ['INCR', counter],
      ['GET', counter],
      ['RPUSH', list, ...items],
      ['LRANGE', list, '0', '-1'],
    ];
    for (const command of commands) await a.expectReply(command, queued(), { hint: QUEUED_HINT });

    const notYet =
      "client-a's commands are queued, not run: until EXEC nothing they do may be visible. " +
      "If you ran the command and then answered +QUEUED, keep it in the connection's queue instead and run it at EXEC.";
    await b.expectReply(['GET', counter], nullBulk(), { hint: notYet });
    await b.expectReply(['EXISTS', list], integer(0), { hint: notYet });

    await a.expectReply(
      ['EXEC'],
      array([simpleString('OK'), integer(start + 1), bulk(String(start + 1)), integer(items.length), listOf(items)]),
      {
        hint:
          'EXEC runs the queued commands in order and answers one array holding each reply exactly as the command alone ' +
          'would send it: *5\\r\\n, then +OK\\r\\n, then :N\\r\\n, ... (an array reply nests as *N\\r\\n inside). ' +
          'Build each reply with the same code that answers the command outside MULTI, then write *<count>\\r\\n and the replies.',
      },
    );

    await b.expectReply(['GET', counter], bulk(String(start + 1)), { hint: 'After EXEC the transaction\'s writes are visible to every client.' });
    await b.expectReply(['LRANGE', list, '0', '-1'], listOf(items), { hint: 'After EXEC the transaction\'s writes are visible to every client.' });
    await a.expectReply(['INCR', counter], integer(start + 2), {
      hint: 'EXEC ends the transaction: the next command runs at once (not +QUEUED). Clear the MULTI flag and the queue in EXEC.',
    });
  },
});
