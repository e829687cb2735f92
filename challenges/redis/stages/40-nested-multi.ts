import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, array, bulk, errorText, integer, simpleString } from '../lib/redis.js';
import { QUEUED_HINT, queued, randomKey } from '../lib/transactions.js';

export default defineStage({
  slug: 'nested-multi',
  title: 'Nested MULTI and empty transactions',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const [key, counter] = [randomKey(t, 'key'), randomKey(t, 'count')];
    const value = t.random.word();

    await redis.expectReply(['MULTI'], simpleString('OK'));
    await redis.expectReply(['SET', key, value], queued(), { hint: QUEUED_HINT });
    await redis.expectReply(['MULTI'], errorText('ERR MULTI calls can not be nested'), {
      hint: 'MULTI is not queued: inside a transaction it answers -ERR MULTI calls can not be nested\\r\\n at once.',
    });
    await redis.expectReply(['INCR', counter], queued(), {
      hint: 'The nested MULTI is refused, but the transaction goes on: keep queueing (and keep what was already queued).',
    });
    await redis.expectReply(['EXEC'], array([simpleString('OK'), integer(1)]), {
      hint:
        'The refused MULTI neither restarts the transaction (the SET before it stays queued) nor poisons it ' +
        '(unlike an unknown command, it does not lead to EXECABORT): EXEC runs both queued commands.',
    });
    await redis.expectReply(['GET', key], bulk(value), { hint: 'EXEC ended the transaction: GET runs at once.' });

    // An empty transaction.
    await redis.expectReply(['MULTI'], simpleString('OK'));
    const extra = t.random.int(1, 2);
    for (let i = 0; i < extra; i++) {
      await redis.expectReply(['MULTI'], errorText('ERR MULTI calls can not be nested'));
    }
    await redis.expectReply(['EXEC'], array([]), {
      hint: 'EXEC of a transaction with nothing queued runs nothing and answers an empty array, *0\\r\\n (not the null array *-1\\r\\n, which means "aborted").',
    });
    await redis.expectReply(['INCR', counter], integer(2), { hint: 'EXEC ended the transaction: INCR runs at once.' });
  },
});
