import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'respond-200',
  title: 'Respond with 200',
  async run(t) {
    await t.startProgram();
    const client = await HttpTestClient.open(t);
    const response = await client.request({ method: 'GET', path: '/' });
    expectResponse(response, { status: 200 });
  },
});
