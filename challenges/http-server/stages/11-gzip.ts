import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, expectGzipBody, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'gzip',
  title: 'Gzip compression',
  async run(t) {
    await t.startProgram();
    const word = t.random.words(3).join('-');
    const response = await (await HttpTestClient.open(t)).request({
      method: 'GET',
      path: `/echo/${word}`,
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expectResponse(response, { status: 200, headers: { 'Content-Encoding': 'gzip' } });
    expectGzipBody(response, word);
  },
});
