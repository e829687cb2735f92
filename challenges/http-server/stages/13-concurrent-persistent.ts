import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'concurrent-persistent',
  title: 'Concurrent persistent connections',
  async run(t) {
    await t.startProgram();
    const clients = [];
    for (let i = 1; i <= 3; i++) clients.push(await HttpTestClient.open(t, `client-${i}`));
    // Round-robin: each connection is idle while the others are served, then speaks again.
    for (let round = 1; round <= 3; round++) {
      for (const client of clients) {
        const word = t.random.word();
        const response = await client.request({ method: 'GET', path: `/echo/${word}` }, { timeoutMs: 3000 });
        expectResponse(response, { status: 200, body: word });
      }
    }
  },
});
