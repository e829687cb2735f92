import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'header-too-large',
  title: '431 Request Header Fields Too Large',
  async run(t) {
    await t.startProgram();
    const word = t.random.word();
    // About 4 KiB of headers is well within the 8192-byte limit and must still work.
    const fine = await (await HttpTestClient.open(t, 'client-1')).request({
      method: 'GET',
      path: `/echo/${word}`,
      headers: { 'X-Padding': t.random.alnum(4000) },
    });
    expectResponse(fine, { status: 200, body: word });

    const client = await HttpTestClient.open(t, 'client-2');
    // Four 4000-byte headers: each line alone is fine, their sum is not. The limit is on the whole head.
    t.log.info('Sending a request with four 4000-byte headers (about 16 KiB in all):');
    const padding = Object.fromEntries([1, 2, 3, 4].map((i) => [`X-Padding-${i}`, t.random.alnum(4000)]));
    const response = await client.request({ method: 'GET', path: `/echo/${word}`, headers: padding }, { checkUnread: false });
    expectResponse(response, { status: 431 });
    await client.expectClosed('the connection to close after 431', 2000);
  },
});
