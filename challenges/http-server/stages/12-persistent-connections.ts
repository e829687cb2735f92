import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'persistent-connections',
  title: 'Persistent connections',
  async run(t) {
    await t.startProgram();
    const client = await HttpTestClient.open(t);
    const word = t.random.word();
    const agent = `${t.random.word()}/${t.random.int(1, 9)}.0`;
    const keepAlive = 'HTTP/1.1 connections stay open after a response: read the next request on the same connection.';
    expectResponse(await client.request({ method: 'GET', path: `/echo/${word}` }), { status: 200, body: word });
    expectResponse(
      await client.request({ method: 'GET', path: '/user-agent', headers: { 'User-Agent': agent } }, { hint: keepAlive }),
      { status: 200, body: agent },
    );
    expectResponse(await client.request({ method: 'GET', path: '/' }, { hint: keepAlive }), { status: 200 });
  },
});
