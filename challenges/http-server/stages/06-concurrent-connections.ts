import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'concurrent-connections',
  title: 'Serve several connections at once',
  async run(t) {
    await t.startProgram();
    // A opens first and stays silent: a server that serves one connection at a time is stuck reading it.
    const [a, b, c] = [await HttpTestClient.open(t, 'client-a'), await HttpTestClient.open(t, 'client-b'), await HttpTestClient.open(t, 'client-c')];
    t.log.info('client-a is connected and sends nothing yet.');
    const slowHint =
      'client-a is connected but silent. A server that handles one connection at a time is still waiting ' +
      'for client-a to speak. Handle each connection concurrently (a goroutine, a thread, or async I/O).';
    for (const client of [c, b]) {
      const word = t.random.word();
      const response = await client.request({ method: 'GET', path: `/echo/${word}` }, { timeoutMs: 3000, hint: slowHint });
      expectResponse(response, { status: 200, body: word });
    }
    const word = t.random.word();
    expectResponse(await a.request({ method: 'GET', path: `/echo/${word}` }), { status: 200, body: word });
  },
});
