import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, expectIdleClose, expectResponse } from '../lib/http.js';

const IDLE_TIMEOUT_S = 1;

export default defineStage({
  slug: 'idle-timeout',
  title: 'Idle connections and slowloris',
  timeoutMs: 15_000,
  async run(t) {
    await t.startProgram({ args: ['--idle-timeout', String(IDLE_TIMEOUT_S)] });
    const window = { minMs: 500, maxMs: 3000 };
    const silent = await HttpTestClient.open(t, 'silent');
    const silentClosed = expectIdleClose(silent, { ...window, what: 'a connection that never sends anything' });
    const slow = await HttpTestClient.open(t, 'slowloris');
    const slowClosed = expectIdleClose(slow, {
      ...window,
      what: 'a connection that sends its headers one byte every 200 ms',
      hint: 'Set the deadline once, when you start waiting for a request; bytes trickling in must not extend it.',
    });
    await slow.sendRaw(`GET / HTTP/1.1\r\nHost: localhost:${t.port}\r\nX-Slow: `);
    const trickle = slow.trickle('a', 200, 20); // one byte every 200 ms while the connection stays open

    // Meanwhile an active client keeps being served.
    const active = await HttpTestClient.open(t, 'active', { quiet: true });
    let done = false;
    void Promise.allSettled([silentClosed, slowClosed]).then(() => (done = true));
    let served = 0;
    for (let i = 0; i < 12 && !done; i++) {
      const word = t.random.word();
      const response = await active.request({ method: 'GET', path: `/echo/${word}` }, { timeoutMs: 2000 });
      expectResponse(response, { status: 200, body: word }, 'a request from a client that stays active');
      served++;
      await active.pause(250);
    }
    await Promise.all([silentClosed, slowClosed, trickle]);
    t.log.info(`The active client was served ${served} times meanwhile.`);
  },
});
