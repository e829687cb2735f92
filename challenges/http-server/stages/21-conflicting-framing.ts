import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'conflicting-framing',
  title: 'Reject ambiguous message framing',
  async run(t) {
    const dir = await t.tempDir();
    await t.startProgram({ args: ['--directory', `${dir}/`] });
    const host = `localhost:${t.port}`;
    const path = `/files/${t.random.word()}_${t.random.alnum(4)}`;
    // Request smuggling starts where two parties frame the same bytes differently (RFC 9112 §6.1, §6.3).
    const cases = [
      {
        why: 'both Content-Length and Transfer-Encoding: chunked',
        bytes: `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
      },
      {
        why: 'two different Content-Length values',
        bytes: `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!`,
      },
      {
        why: 'a Content-Length that is not a number',
        bytes: `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: abc\r\n\r\nabc`,
      },
    ];
    for (const [i, { why, bytes }] of t.random.shuffle(cases).entries()) {
      const client = await HttpTestClient.open(t, `client-${i + 1}`);
      t.log.info(`Sending a POST with ${why}:`);
      await client.sendRaw(bytes);
      const response = await client.read({ method: 'POST', context: why });
      expectResponse(response, { status: 400 }, `the request with ${why}`);
      await client.expectClosed(`the connection to close after 400 Bad Request (${why})`, 2000);
    }
  },
});
