import { defineStage } from '../../../tester/harness/stage.js';
import { expectStillBlocked, popped, randomKey } from '../lib/lists.js';
import { RedisTestClient, integer } from '../lib/redis.js';

/**
 * Nothing on the wire shows that a client's BLPOP has been read and is now waiting, nor that the program
 * noticed a client leave: the grader lets this much time pass between those steps so their order is certain.
 */
const PACE_MS = 100;

export default defineStage({
  slug: 'blpop-order',
  title: 'BLPOP: first come, first served',
  async run(t) {
    await t.startProgram();
    const key = randomKey(t);
    const command = ['BLPOP', key, '0'];
    const pusher = await RedisTestClient.open(t, 'pusher');
    const waiters: RedisTestClient[] = [];
    for (const name of ['client-1', 'client-2', 'client-3']) waiters.push(await RedisTestClient.open(t, name));
    const [first, second, third] = waiters as [RedisTestClient, RedisTestClient, RedisTestClient];
    const quitter = await RedisTestClient.open(t, 'client-x');

    // Block in this order: client-1, client-x, client-2, client-3; client-x disconnects before the push.
    await first.send(command);
    await first.pause(PACE_MS);
    await quitter.send(command);
    await quitter.pause(PACE_MS);
    t.log.info('client-x closes its connection while it is blocked.');
    quitter.connection.destroy();
    await quitter.pause(PACE_MS);
    await second.send(command);
    await second.pause(PACE_MS);
    await third.send(command);
    await third.pause(PACE_MS);

    await pusher.expectReply(['LLEN', key], integer(0), {
      timeoutMs: 1000,
      hint: 'Clients blocked in BLPOP must not stop the server from answering others (and a client leaving must not crash it).',
    });
    for (const waiter of waiters) {
      await expectStillBlocked(t, waiter, command, 'BLPOP with a timeout of 0 waits, without any reply, until an element arrives.');
    }

    const values = t.random.words(3);
    await pusher.expectReply(['RPUSH', key, ...values], integer(3), {
      hint: 'RPUSH answers the list\'s length after the push (3), before the blocked clients take the elements.',
    });
    const fifo =
      'Blocked clients are served first come, first served: keep the waiters of each key in a FIFO queue (append when a client ' +
      'blocks, take from the front when an element arrives), one element per waiter, until the elements or the waiters run out.';
    const forgotten =
      `client-x blocked between client-1 and client-2, then disconnected before the push, and "${values[1] ?? ''}" seems to have gone to it. ` +
      'A client that leaves while blocked must be forgotten, not handed an element that then disappears. Node: remove its waiter ' +
      'on the socket\'s "close" event. Go: keep reading the connection while the client waits (a reader goroutine feeding commands ' +
      'to a channel), and remove the waiter when that read ends.';
    for (const [i, waiter] of waiters.entries()) {
      const reply = await waiter.readReply({
        timeoutMs: 1000,
        context: command.join(' '),
        hint: `The push brought 3 elements for the 3 clients still waiting: each must be woken with one. ${fifo}`,
      });
      const next = values[i + 1];
      const tookNext = i > 0 && next !== undefined && popped(key, next).check(reply) === undefined;
      waiter.expectValue(reply, popped(key, values[i] ?? ''), command.join(' '), tookNext ? forgotten : fifo);
    }
    await pusher.expectReply(['LLEN', key], integer(0), { hint: 'Three waiters took the three elements: none may be left in the list.' });
  },
});
