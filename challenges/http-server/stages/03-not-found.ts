import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'not-found',
  title: 'Respond with 404 for unknown paths',
  async run(t) {
    await t.startProgram();
    const path = `/${t.random.word()}${t.random.alnum(4)}`;
    const missing = await (await HttpTestClient.open(t, 'client-1')).request({ method: 'GET', path });
    expectResponse(missing, { status: 404 });
    const root = await (await HttpTestClient.open(t, 'client-2')).request({ method: 'GET', path: '/' });
    expectResponse(root, { status: 200 });
  },
});
