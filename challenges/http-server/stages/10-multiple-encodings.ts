import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'multiple-encodings',
  title: 'Multiple compression schemes',
  async run(t) {
    await t.startProgram();
    const [first, second] = [`invalid-${t.random.alnum(3)}`, `invalid-${t.random.alnum(3)}`];
    const withGzip = await (await HttpTestClient.open(t, 'client-1')).request({
      method: 'GET',
      path: `/echo/${t.random.word()}`,
      headers: { 'Accept-Encoding': `${first}, gzip, ${second}` },
    });
    expectResponse(withGzip, { status: 200, headers: { 'Content-Encoding': 'gzip' } });
    const withoutGzip = await (await HttpTestClient.open(t, 'client-2')).request({
      method: 'GET',
      path: `/echo/${t.random.word()}`,
      headers: { 'Accept-Encoding': `${first}, ${second}` },
    });
    expectResponse(withoutGzip, { status: 200, absent: ['Content-Encoding'] });
  },
});
