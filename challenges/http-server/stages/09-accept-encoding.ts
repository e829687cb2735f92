import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'accept-encoding',
  title: 'Compression headers',
  async run(t) {
    await t.startProgram();
    const gzip = await (await HttpTestClient.open(t, 'client-1')).request({
      method: 'GET',
      path: `/echo/${t.random.word()}`,
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expectResponse(gzip, { status: 200, headers: { 'Content-Encoding': 'gzip' } });
    const invalid = await (await HttpTestClient.open(t, 'client-2')).request({
      method: 'GET',
      path: `/echo/${t.random.word()}`,
      headers: { 'Accept-Encoding': 'invalid-encoding' },
    });
    expectResponse(invalid, { status: 200, absent: ['Content-Encoding'] });
  },
});
