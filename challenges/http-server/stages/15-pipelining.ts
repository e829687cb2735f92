import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, TEXT_PLAIN, expectResponse, type RequestSpec } from '../lib/http.js';

export default defineStage({
  slug: 'pipelining',
  title: 'Pipelined requests',
  async run(t) {
    await t.startProgram();
    const client = await HttpTestClient.open(t);
    const [w1, w3] = t.random.words(2);
    const agent = `${t.random.word()}/${t.random.int(1, 9)}.0`;
    const requests: Array<[RequestSpec, string]> = [
      [{ method: 'GET', path: `/echo/${w1}` }, w1 as string],
      [{ method: 'GET', path: '/user-agent', headers: { 'User-Agent': agent } }, agent],
      [{ method: 'GET', path: `/echo/${w3}` }, w3 as string],
    ];
    await client.sendPipelined(requests.map(([request]) => request));
    const hint =
      'All three requests arrived in one read. After answering the first, parse the rest of the buffer ' +
      'before reading from the socket again.';
    for (const [request, body] of requests) {
      const response = await client.read({ method: 'GET', timeoutMs: 3000, hint, context: `${request.method} ${request.path}` });
      expectResponse(response, { status: 200, headers: { 'Content-Type': TEXT_PLAIN }, body });
    }
    client.expectNoUnreadBytes();
  },
});
