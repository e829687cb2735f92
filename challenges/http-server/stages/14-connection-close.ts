import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'connection-close',
  title: 'Close the connection when asked',
  async run(t) {
    await t.startProgram();
    const client = await HttpTestClient.open(t);
    const first = t.random.word();
    expectResponse(await client.request({ method: 'GET', path: `/echo/${first}` }), { status: 200, body: first });
    const second = t.random.word();
    const response = await client.request({ method: 'GET', path: `/echo/${second}`, headers: { Connection: 'close' } });
    expectResponse(response, { status: 200, headers: { Connection: /^close$/i }, body: second });
    await client.expectClosed('the connection to close after a response with `Connection: close`', 2000);
  },
});
