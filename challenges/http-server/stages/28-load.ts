import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, expectResponse } from '../lib/http.js';

const CONNECTIONS = 500;
const REQUESTS_PER_CONNECTION = 10;

export default defineStage({
  slug: 'load',
  title: '500 concurrent keep-alive connections',
  timeoutMs: 45_000,
  async run(t) {
    await t.startProgram();
    t.log.info(`Opening ${CONNECTIONS} connections, then ${REQUESTS_PER_CONNECTION} requests on each, all at once.`);
    const clients = await Promise.all(
      Array.from({ length: CONNECTIONS }, (_, i) => HttpTestClient.open(t, `load-${i + 1}`, { quiet: true, connectTimeoutMs: 10_000 })),
    );
    const prefix = t.random.word();
    const started = Date.now();
    await Promise.all(
      clients.map(async (client, c) => {
        for (let r = 0; r < REQUESTS_PER_CONNECTION; r++) {
          const word = `${prefix}-${c}-${r}`;
          const agent = `load/${c}.${r}`;
          const echo = r % 2 === 0;
          const response = await client.request(
            echo ? { method: 'GET', path: `/echo/${word}` } : { method: 'GET', path: '/user-agent', headers: { 'User-Agent': agent } },
            { timeoutMs: 20_000 },
          );
          expectResponse(response, { status: 200, body: echo ? word : agent }, `request ${r + 1} on ${client.name}`);
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const total = CONNECTIONS * REQUESTS_PER_CONNECTION;
    t.log.success(`${total} responses checked in ${seconds.toFixed(2)} s (${Math.round(total / seconds)} requests/s).`);
  },
});
