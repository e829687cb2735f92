import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, array, bulk, errorText, integer, nullBulk, simpleString } from '../lib/redis.js';
import { QUEUED_HINT, queued, randomKey } from '../lib/transactions.js';

const NOT_AN_INTEGER = 'ERR value is not an integer or out of range';
const WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';

export default defineStage({
  slug: 'transaction-errors',
  title: 'Errors inside a transaction',
  async run(t) {
    await t.startProgram();
    const a = await RedisTestClient.open(t, 'client-a');
    const b = await RedisTestClient.open(t, 'client-b');
    const [key, counter, word, after] = [randomKey(t, 'key'), randomKey(t, 'count'), randomKey(t, 'word'), randomKey(t, 'after')];
    const [value, text, item] = t.random.words(3) as [string, string, string];
    const unknown = t.random.pick(['FOOBAR', 'SETX', 'GETT']);
    const arg = t.random.word();

    // Part 1: errors while queueing abort the whole transaction at EXEC.
    await a.expectReply(['MULTI'], simpleString('OK'));
    await a.expectReply(['SET', key, value], queued(), { hint: QUEUED_HINT });
    await a.expectReply([unknown, arg], errorText(`ERR unknown command '${unknown}', with args beginning with: '${arg}' `), {
      hint: 'An unknown command is not queued: it gets its usual error at once, and the transaction is marked as failed.',
    });
    await a.expectReply(['GET'], errorText("ERR wrong number of arguments for 'get' command"), {
      hint: 'A known command with the wrong number of arguments is not queued: it gets its usual arity error at once, and the transaction is marked as failed.',
    });
    await a.expectReply(['INCR', counter], queued(), {
      hint: 'Errors while queueing do not end MULTI: later commands are still answered +QUEUED (EXEC will refuse them all).',
    });
    await a.expectReply(['EXEC'], errorText('EXECABORT Transaction discarded because of previous errors.'), {
      hint:
        'A command refused while queueing (unknown name, wrong number of arguments) poisons the transaction: ' +
        'remember it in a per-connection flag, and at EXEC run nothing and answer -EXECABORT Transaction discarded because of previous errors.\\r\\n (the final dot included).',
    });
    const nothing = 'EXECABORT means nothing ran: not even the commands queued before the error.';
    await b.expectReply(['GET', key], nullBulk(), { hint: nothing });
    await b.expectReply(['EXISTS', counter], integer(0), { hint: nothing });
    await a.expectReply(['GET', key], nullBulk(), {
      hint: 'EXECABORT also ends the transaction: the next command runs at once (not +QUEUED). Clear the MULTI flag, the queue and the error flag.',
    });

    // Part 2: errors while running are replies like any other; the rest of the transaction runs.
    await a.expectReply(['SET', word, text], simpleString('OK'));
    await a.expectReply(['RPUSH', key, item], integer(1));
    await a.expectReply(['MULTI'], simpleString('OK'), { hint: 'After EXECABORT a new MULTI starts a new, clean transaction.' });
    const runtime: string[][] = [
      ['INCR', word],
      ['SET', after, value],
      ['LPOP', word],
      ['GET', key],
      ['INCR', counter],
    ];
    for (const command of runtime) {
      await a.expectReply(command, queued(), {
        hint: `${QUEUED_HINT} While queueing only the command name and the number of arguments are checked; what the key holds is seen only when it runs.`,
      });
    }
    await a.expectReply(
      ['EXEC'],
      array([errorText(NOT_AN_INTEGER), simpleString('OK'), errorText(WRONGTYPE), errorText(WRONGTYPE), integer(1)]),
      {
        hint:
          'A command that fails while EXEC runs it puts its error in the array, in its place (-ERR ...\\r\\n as an element), ' +
          'and EXEC goes on with the next command: Redis has no rollback. Do not stop at the first error, and do not answer EXECABORT.',
      },
    );
    const applied = 'The commands around the failed ones ran: their effects stay (Redis never rolls back).';
    await b.expectReply(['GET', after], bulk(value), { hint: applied });
    await b.expectReply(['GET', counter], bulk('1'), { hint: applied });
    await b.expectReply(['GET', word], bulk(text), { hint: 'A failed INCR leaves the value unchanged.' });
  },
});
