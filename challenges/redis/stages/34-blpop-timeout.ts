import { defineStage } from '../../../tester/harness/stage.js';
import { redisCliCommand } from '../../../tester/protocols/resp/redis-cli.js';
import { expectNoStrayReply, popped, randomKey, randomValues } from '../lib/lists.js';
import { RedisTestClient, integer, nullArray } from '../lib/redis.js';

/** How early a timeout may fire: clocks and timers are not exact, but a wait cut short is a bug. */
const EARLY_MS = 20;
/** How late it may fire: generous, since a busy machine runs timers late. */
const LATE_MS = 1000;

export default defineStage({
  slug: 'blpop-timeout',
  title: 'BLPOP with a timeout',
  async run(t) {
    await t.startProgram();
    const waiter = await RedisTestClient.open(t, 'client-a');
    const pusher = await RedisTestClient.open(t, 'client-b');
    const key = randomKey(t, 'empty');
    const seconds = t.random.pick(['0.2', '0.25', '0.3', '0.35', '0.4']);
    const timeoutMs = Math.round(Number(seconds) * 1000);
    const units =
      `The timeout is in seconds and may have decimals: ${seconds} is ${timeoutMs} ms. Parse it as a float ` +
      `(Go: strconv.ParseFloat, then time.Duration(f * float64(time.Second)); time.Duration(f) * time.Second truncates ${seconds} to 0. ` +
      'Node: setTimeout(..., Number(arg) * 1000)).';

    // No element arrives: after the timeout, BLPOP answers the null array.
    const command = ['BLPOP', key, seconds];
    const sentAt = Date.now();
    await waiter.send(command);
    const reply = await waiter.readReply({
      timeoutMs: timeoutMs + LATE_MS,
      context: command.join(' '),
      hint: `Nobody pushes to ${key}: after ${timeoutMs} ms BLPOP must give up and answer the null array *-1\\r\\n. ${units}`,
    });
    const elapsed = Date.now() - sentAt;
    waiter.expectValue(reply, nullArray(), command.join(' '), 'When the timeout ends with no element, BLPOP answers the null array *-1\\r\\n.');
    t.log.info(`The null array arrived ${elapsed} ms after the BLPOP with a timeout of ${seconds} s was sent (allowed: ${timeoutMs - EARLY_MS} to ${timeoutMs + LATE_MS} ms).`);
    if (elapsed < timeoutMs - EARLY_MS) {
      t.fail(`\`${command.join(' ')}\` was answered after ${elapsed} ms, before its ${timeoutMs} ms timeout was over.`, {
        hint: units,
        reproduce: redisCliCommand(command, { port: t.port }),
      });
    }

    // The timed-out client waits no more: a later push stays in the list.
    const value = t.random.word();
    await pusher.expectReply(['RPUSH', key, value], integer(1), {
      timeoutMs: 1000,
      hint: "client-a's BLPOP has timed out. If this RPUSH hangs, it is handing the element to that finished waiter: remove a waiter when its timeout fires.",
    });
    await pusher.expectReply(['LLEN', key], integer(1), {
      hint: 'client-a\'s BLPOP timed out, so it no longer waits for this key: forget a waiter when its timeout fires, and leave the element in the list.',
    });
    await expectNoStrayReply(waiter, 'A BLPOP that timed out is over: remove its waiter when the timeout fires, so a later push does not answer it a second time.');

    // Several keys: the first one holding an element answers at once, whatever the timeout.
    const [first, second] = [randomKey(t, 'first'), randomKey(t, 'second')];
    const [x, y, z] = randomValues(t, 3) as [string, string, string];
    await pusher.expectReply(['RPUSH', second, x, y], integer(2));
    const several =
      'BLPOP key1 key2 ... timeout checks the keys in the order given and pops from the first non-empty list at once; it waits only when all are empty.';
    await waiter.expectReply(['BLPOP', first, second, '2'], popped(second, x), { timeoutMs: 1000, hint: several });
    await pusher.expectReply(['RPUSH', first, z], integer(1));
    await waiter.expectReply(['BLPOP', first, second, '2'], popped(first, z), {
      timeoutMs: 1000,
      hint: `${several} Both lists have an element now: the first key given wins.`,
    });
  },
});
