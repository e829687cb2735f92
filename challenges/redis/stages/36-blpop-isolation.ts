import { defineStage } from '../../../tester/harness/stage.js';
import { expectNoStrayReply, expectStillBlocked, listOf, popped, randomKey, randomValues } from '../lib/lists.js';
import { RedisTestClient, bulk, integer, simpleString } from '../lib/redis.js';

/** Each command of the free client must be answered this fast while others are blocked. */
const PROMPT_MS = 1000;
/** Nothing on the wire shows that a BLPOP has been read and is now waiting: the grader gives it this long. */
const SETTLE_MS = 50;

export default defineStage({
  slug: 'blpop-isolation',
  title: 'BLPOP blocks only its own client',
  async run(t) {
    await t.startProgram();
    const a = await RedisTestClient.open(t, 'client-a');
    const b = await RedisTestClient.open(t, 'client-b');
    const c = await RedisTestClient.open(t, 'client-c');
    const [key, str, other, m1, m2] = [randomKey(t, 'a'), randomKey(t, 'str'), randomKey(t, 'other'), randomKey(t, 'c1'), randomKey(t, 'c2')];
    const [value, forA, forC, late] = randomValues(t, 4) as [string, string, string, string];
    const items = t.random.words(t.random.int(2, 3));

    const commandA = ['BLPOP', key, '0'];
    await a.send(commandA);
    await a.pause(SETTLE_MS);

    const free =
      'client-a is blocked in BLPOP; client-b must be answered as usual. A blocked client may only block itself: ' +
      'never hold a lock shared by all clients while waiting (Go: unlock the store mutex before waiting on the channel), ' +
      'and never make the server\'s command handling wait for it (Node: register the waiter and return, do not await the BLPOP in a queue that every command goes through).';
    await b.expectReply(['PING'], simpleString('PONG'), { timeoutMs: PROMPT_MS, hint: free });
    await b.expectReply(['SET', str, value], simpleString('OK'), { timeoutMs: PROMPT_MS, hint: free });
    await b.expectReply(['GET', str], bulk(value), { timeoutMs: PROMPT_MS, hint: free });
    await b.expectReply(['RPUSH', other, ...items], integer(items.length), { timeoutMs: PROMPT_MS, hint: free });
    const onlyItsKey = 'A blocked client is woken only by a push to a key it waits on: keep the waiters per key.';
    await expectStillBlocked(t, a, commandA, `${onlyItsKey} client-a waits on ${key}; client-b pushed to ${other}.`);
    await b.expectReply(['LRANGE', other, '0', '-1'], listOf(items), {
      timeoutMs: PROMPT_MS,
      hint: `Nobody waits on ${other}: its elements stay in the list. ${free}`,
    });

    // A second blocked client, on two keys of its own.
    const commandC = ['BLPOP', m1, m2, '0'];
    await c.send(commandC);
    await c.pause(SETTLE_MS);
    const more = t.random.word();
    await b.expectReply(['RPUSH', other, more], integer(items.length + 1), { timeoutMs: PROMPT_MS, hint: free });
    await expectStillBlocked(t, c, commandC, `${onlyItsKey} client-c waits on ${m1} and ${m2}; client-b pushed to ${other}.`);
    await expectStillBlocked(t, a, commandA, `${onlyItsKey} client-a waits on ${key}; client-b pushed to ${other}.`);
    await b.expectReply(['RPUSH', m2, forC], integer(1), { timeoutMs: PROMPT_MS, hint: free });
    const replyC = await c.readReply({
      timeoutMs: PROMPT_MS,
      context: commandC.join(' '),
      hint: 'A client blocked on several keys is woken by a push to any of them: register its waiter under every key it names.',
    });
    c.expectValue(replyC, popped(m2, forC), commandC.join(' '), 'The reply names the key the element came from.');
    await b.expectReply(['PING'], simpleString('PONG'), { timeoutMs: PROMPT_MS, hint: free });
    await expectStillBlocked(t, a, commandA, `${onlyItsKey} client-a waits on ${key}; client-b pushed to ${m2}, which client-c waited on.`);

    // client-c was served: its waiter on the other key must be gone too.
    await b.expectReply(['RPUSH', m1, late], integer(1), { timeoutMs: PROMPT_MS, hint: free });
    await b.expectReply(['LLEN', m1], integer(1), {
      hint: `client-c was already answered from ${m2}; when a waiter is woken, remove it from every key it waited on, so a later push to ${m1} stays in the list.`,
    });
    await expectNoStrayReply(c, `client-c's BLPOP was answered once; a push to its other key ${m1} must not answer it again.`);

    // Finally the key client-a waits on.
    await b.expectReply(['RPUSH', key, forA], integer(1), { timeoutMs: PROMPT_MS, hint: free });
    const replyA = await a.readReply({
      timeoutMs: PROMPT_MS,
      context: commandA.join(' '),
      hint: `client-a has waited on ${key} since the start, while the server served others: a push to it must still wake it.`,
    });
    a.expectValue(replyA, popped(key, forA), commandA.join(' '));
    await b.expectReply(['LLEN', key], integer(0), { hint: 'The element went to client-a: the list is empty.' });
    await a.expectReply(['GET', str], bulk(value), { hint: 'client-a is a normal client again once answered.' });
  },
});
