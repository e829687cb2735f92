import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, TEXT_PLAIN, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'user-agent',
  title: 'Read a header',
  async run(t) {
    await t.startProgram();
    const agent = `${t.random.word()}/${t.random.word()}-${t.random.int(1, 9)}.${t.random.int(0, 9)}`;
    const response = await (await HttpTestClient.open(t)).request({
      method: 'GET',
      path: '/user-agent',
      headers: { 'User-Agent': agent },
    });
    expectResponse(response, {
      status: 200,
      headers: { 'Content-Type': TEXT_PLAIN, 'Content-Length': String(agent.length) },
      body: agent,
    });
  },
});
