import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, array, bulk, errorText, integer, nullBulk, simpleString } from '../lib/redis.js';
import { QUEUED_HINT, queued, randomKey } from '../lib/transactions.js';

export default defineStage({
  slug: 'discard',
  title: 'DISCARD',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const [key, list] = [randomKey(t, 'key'), randomKey(t, 'list')];
    const [dropped, kept] = t.random.words(2) as [string, string];

    await redis.expectReply(['MULTI'], simpleString('OK'));
    await redis.expectReply(['SET', key, dropped], queued(), { hint: QUEUED_HINT });
    await redis.expectReply(['RPUSH', list, dropped], queued(), { hint: QUEUED_HINT });
    await redis.expectReply(['DISCARD'], simpleString('OK'), {
      hint: 'DISCARD is not queued: inside MULTI it empties the connection\'s queue, leaves MULTI and answers +OK\\r\\n.',
    });
    const forgotten = 'DISCARD throws the queued commands away without running them.';
    await redis.expectReply(['GET', key], nullBulk(), {
      hint: `${forgotten} After it the connection is out of MULTI: GET runs at once (not +QUEUED) and finds nothing.`,
    });
    await redis.expectReply(['EXISTS', list], integer(0), { hint: forgotten });

    await redis.expectReply(['EXEC'], errorText('ERR EXEC without MULTI'), {
      hint: 'DISCARD ended the transaction, so there is nothing to EXEC: answer -ERR EXEC without MULTI\\r\\n.',
    });
    await redis.expectReply(['DISCARD'], errorText('ERR DISCARD without MULTI'), {
      hint: 'Outside a transaction DISCARD is an error: -ERR DISCARD without MULTI\\r\\n.',
    });

    // A new transaction starts empty: nothing of the discarded one may come back.
    await redis.expectReply(['MULTI'], simpleString('OK'), { hint: 'After DISCARD a new MULTI starts a new transaction.' });
    await redis.expectReply(['SET', key, kept], queued(), { hint: QUEUED_HINT });
    await redis.expectReply(['EXEC'], array([simpleString('OK')]), {
      hint: 'Only the SET queued after the new MULTI runs: DISCARD must empty the queue, not just clear the MULTI flag.',
    });
    await redis.expectReply(['GET', key], bulk(kept));
    await redis.expectReply(['EXISTS', list], integer(0), { hint: forgotten });
  },
});
