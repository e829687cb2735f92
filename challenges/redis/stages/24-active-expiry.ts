import { defineStage } from '../../../tester/harness/stage.js';
import { RedisTestClient, integer, simpleString, type RespValue } from '../lib/redis.js';
import { StageFailure } from '../../../tester/harness/errors.js';

const EXPIRING = 30;
/** Long enough that a grader paused by a busy machine still sees every key before any can expire. */
const PX = 500;
/** Redis's own cycle usually reclaims such keys within ~100–300 ms; 2 s is generous. */
const DEADLINE_MS = 2000;

export default defineStage({
  slug: 'active-expiry',
  title: 'Active expiry',
  async run(t) {
    await t.startProgram();
    const redis = await RedisTestClient.open(t);
    const prefix = `${t.random.word()}:${t.random.int(1000, 9999)}`;
    const keeping = t.random.int(2, 5);
    await redis.expectReply(['DBSIZE'], integer(0), { hint: 'DBSIZE answers the number of keys stored, as an integer.' });
    // Pipelined: 30 SETs one by one would be slow enough for the first keys to expire before the last is set.
    const commands = [
      ...Array.from({ length: EXPIRING }, (_, i) => ['SET', `${prefix}:tmp:${i}`, t.random.word(), 'PX', String(PX)]),
      ...Array.from({ length: keeping }, (_, i) => ['SET', `${prefix}:keep:${i}`, t.random.word()]),
    ];
    await redis.sendPipelined(commands);
    for (const command of commands) {
      redis.expectValue(await redis.readReply({ context: command.join(' ') }), simpleString('OK'), command.join(' '));
    }
    const setAt = Date.now();
    await redis.expectReply(['DBSIZE'], integer(EXPIRING + keeping), {
      hint: `DBSIZE counts every key stored: ${EXPIRING} with PX ${PX} and ${keeping} without.`,
    });
    // Expiry is about time itself: there is no event before the keys' time is up, so the grader lets it pass.
    await redis.pause(Math.max(0, PX - (Date.now() - setAt)));
    t.log.info(`The ${PX} ms are over; nobody reads the ${EXPIRING} keys again. DBSIZE is asked every 100 ms until it is ${keeping}.`);
    // Polling DBSIZE is the event here: the server reclaims keys on its own schedule, and only DBSIZE shows it.
    let last: RespValue | undefined;
    while (Date.now() - setAt < PX + DEADLINE_MS) {
      await redis.pause(100);
      last = await redis.resp.command(['DBSIZE']);
      if (last.type === 'integer' && last.value === BigInt(keeping)) {
        t.log.info(`DBSIZE reached ${keeping}, ${Date.now() - setAt - PX} ms after the keys expired.`);
        return;
      }
      if (last.type !== 'integer') redis.expectValue(last, integer(keeping), 'DBSIZE');
    }
    throw new StageFailure(
      `DBSIZE was still ${last?.type === 'integer' ? last.value : '?'} ${DEADLINE_MS} ms after ${EXPIRING} keys expired (expected ${keeping}).`,
      {
        hint:
          'Expired keys that nobody reads again must still be reclaimed. Like Redis, run a cycle about 10 times a second ' +
          '(Go: time.Ticker; Node: setInterval) that samples keys with an expiry and deletes the expired ones; repeat at once while more than a quarter of a sample was expired. ' +
          'DBSIZE counts the keys you hold, expired or not, so it only drops when they are really gone.',
      },
    );
  },
});
