import { join } from 'node:path';
import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, OCTET_STREAM, expectFileContent, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'fragmented-requests',
  title: 'Requests split across many reads',
  async run(t) {
    const dir = await t.tempDir();
    await t.startProgram({ args: ['--directory', `${dir}/`] });
    const client = await HttpTestClient.open(t);
    const hint =
      'TCP is a byte stream: one read may return a single byte of a request. Keep reading into a buffer ' +
      'until you have the whole head (up to \\r\\n\\r\\n) and then Content-Length bytes of body.';
    const word = t.random.word();
    t.log.info('Sending the request one byte per write:');
    // 5 ms between writes, like a slow link: each piece reaches your program in a read of its own.
    const echo = await client.request({ method: 'GET', path: `/echo/${word}` }, { pieces: 'bytewise', gapMs: 5, hint });
    expectResponse(echo, { status: 200, body: word });

    const name = `${t.random.word()}_${t.random.alnum(4)}`;
    const content = t.random.text(t.random.int(200, 800));
    t.log.info('Sending a POST with its head in 3 writes and its body in 2:');
    const request = { method: 'POST', path: `/files/${name}`, headers: { 'Content-Type': OCTET_STREAM }, body: content };
    const upload = await client.request(request, { pieces: 'head-3-body-2', gapMs: 20, hint });
    expectResponse(upload, { status: 201 });
    await expectFileContent(t, join(dir, name), Buffer.from(content));
  },
});
