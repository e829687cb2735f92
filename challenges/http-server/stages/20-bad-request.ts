import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, expectResponse } from '../lib/http.js';

/** Each case breaks exactly one rule of RFC 9112's request grammar. */
function malformedRequests(host: string, word: string): Array<{ why: string; bytes: string }> {
  return [
    { why: 'a request line without the HTTP version', bytes: `GET /echo/${word}\r\nHost: ${host}\r\n\r\n` },
    { why: 'two spaces between method and target', bytes: `GET  /echo/${word} HTTP/1.1\r\nHost: ${host}\r\n\r\n` },
    { why: 'a fourth part after the version', bytes: `GET /echo/${word} HTTP/1.1 extra\r\nHost: ${host}\r\n\r\n` },
    { why: 'a misspelt protocol name', bytes: `GET /echo/${word} HTTX/1.1\r\nHost: ${host}\r\n\r\n` },
    { why: 'a header line without a colon', bytes: `GET /echo/${word} HTTP/1.1\r\nHost: ${host}\r\nX-${word} ${word}\r\n\r\n` },
    { why: 'whitespace between a header name and its colon (RFC 9112 §5.1)', bytes: `GET /echo/${word} HTTP/1.1\r\nHost : ${host}\r\n\r\n` },
    { why: 'no Host header (RFC 9112 §3.2)', bytes: `GET /echo/${word} HTTP/1.1\r\nUser-Agent: byo\r\n\r\n` },
  ];
}

export default defineStage({
  slug: 'bad-request',
  title: '400 Bad Request',
  async run(t) {
    await t.startProgram();
    const word = t.random.word();
    const cases = t.random.shuffle(malformedRequests(`localhost:${t.port}`, word));
    for (const [i, { why, bytes }] of cases.entries()) {
      const client = await HttpTestClient.open(t, `client-${i + 1}`);
      t.log.info(`Sending ${why}:`);
      await client.sendRaw(bytes);
      const response = await client.read({ method: 'GET', context: why });
      expectResponse(response, { status: 400 }, `the request with ${why}`);
      await client.expectClosed(`the connection to close after 400 Bad Request (${why})`, 2000);
    }
    const ok = await (await HttpTestClient.open(t, 'client-ok')).request({ method: 'GET', path: `/echo/${word}` });
    expectResponse(ok, { status: 200, body: word });
  },
});
