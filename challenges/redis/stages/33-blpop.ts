import { defineStage } from '../../../tester/harness/stage.js';
import { encodeCommand } from '../../../tester/protocols/resp/encode.js';
import { ncCommand } from '../../../tester/protocols/resp/redis-cli.js';
import { expectStillBlocked, popped, randomKey, randomValues } from '../lib/lists.js';
import { RedisTestClient, integer, simpleString } from '../lib/redis.js';

export default defineStage({
  slug: 'blpop',
  title: 'BLPOP: wait for an element',
  async run(t) {
    await t.startProgram();
    const waiter = await RedisTestClient.open(t, 'client-a');
    const pusher = await RedisTestClient.open(t, 'client-b');
    const [ready, empty] = [randomKey(t, 'ready'), randomKey(t, 'empty')];
    const [first, second, late] = randomValues(t, 3) as [string, string, string];

    // An element is there: BLPOP answers at once, like LPOP, but as [key, element].
    await waiter.expectReply(['RPUSH', ready, first, second], integer(2));
    await waiter.expectReply(['BLPOP', ready, '0'], popped(ready, first), {
      timeoutMs: 1000,
      hint: 'When the list has an element, BLPOP pops it at once and answers a two-element array: the key, then the element (*2\\r\\n$N\\r\\nkey\\r\\n$M\\r\\nelement\\r\\n).',
    });
    await waiter.expectReply(['LLEN', ready], integer(1), { hint: 'BLPOP removes the element it answers, like LPOP.' });

    // The list is empty: client-a's BLPOP must wait, with no reply at all. The PING sent right behind it
    // in the same write waits its turn too: a blocked client's later commands are answered after the BLPOP.
    const command = ['BLPOP', empty, '0'];
    const batch = [command, ['PING']];
    await waiter.sendPipelined(batch);
    // Nothing on the wire shows that client-a's BLPOP has been read and is now waiting: give it 50 ms.
    await waiter.pause(50);
    const blocked =
      'A timeout of 0 means "wait forever": send nothing until another client pushes to the key, not even the reply to the PING ' +
      'sent after the BLPOP (a blocked client\'s later commands wait in its buffer until the BLPOP is answered). ' +
      'Go: park the connection\'s goroutine on a channel registered for the key; Node: keep the socket and its pending BLPOP in a per-key queue and return.';
    await pusher.expectReply(['LLEN', empty], integer(0), {
      timeoutMs: 1000,
      hint:
        'client-a is blocked in BLPOP; other clients must still be served. Never hold a lock shared by all clients while one waits ' +
        '(Go: unlock the store\'s mutex before waiting on the channel), and never make every command wait behind the BLPOP ' +
        '(Node: register the waiter and return from the handler; do not await it in a queue all commands go through).',
    });
    await pusher.expectReply(['EXISTS', empty], integer(0), { timeoutMs: 1000, hint: 'A client waiting in BLPOP must not create the key.' });
    await expectStillBlocked(t, waiter, command, blocked, { reproduce: ncCommand(Buffer.concat(batch.map(encodeCommand)), { port: t.port }) });

    await pusher.expectReply(['RPUSH', empty, late], integer(1), {
      timeoutMs: 1000,
      hint: 'RPUSH answers the length right after its push (1), even though a blocked client takes that element right after.',
    });
    const reply = await waiter.readReply({
      timeoutMs: 1000,
      context: command.join(' '),
      hint: 'A push to a key that a client is waiting on must wake that client: after RPUSH, pop the element for the first waiter and send it its reply.',
    });
    waiter.expectValue(reply, popped(empty, late), command.join(' '), 'The woken client gets [key, element], as when the element was already there.');
    const pong = await waiter.readReply({
      context: 'PING',
      hint: 'The PING sent right after the BLPOP is answered once the BLPOP is: go on with the connection\'s buffered commands after waking it.',
    });
    waiter.expectValue(pong, simpleString('PONG'), 'PING', 'Commands sent after a BLPOP are answered after it, in order.');
    await pusher.expectReply(['LLEN', empty], integer(0), { hint: 'The element went to the blocked client: it must be removed from the list.' });
    await pusher.expectReply(['EXISTS', empty], integer(0), { hint: 'The list the blocked client emptied must be deleted, as after LPOP.' });
    await waiter.expectReply(['PING'], simpleString('PONG'), {
      hint: 'Once answered, the client that was blocked is a normal client again: read and answer its next command (and only once per BLPOP).',
    });
  },
});
