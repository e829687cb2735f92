import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'head',
  title: 'HEAD requests',
  async run(t) {
    const dir = await t.tempDir();
    const name = `${t.random.word()}_${t.random.alnum(4)}.bin`;
    const content = t.random.bytes(t.random.int(100, 2000));
    await writeFile(join(dir, name), content);
    await t.startProgram({ args: ['--directory', `${dir}/`] });
    const client = await HttpTestClient.open(t);
    const word = t.random.word();
    // The response to HEAD has no body (RFC 9110 §9.3.2): the next response must follow the head directly.
    const hint = 'Send exactly the headers GET would send, Content-Length included, and no body.';
    expectResponse(await client.request({ method: 'HEAD', path: `/echo/${word}` }, { hint }), {
      status: 200,
      headers: { 'Content-Length': String(word.length) },
    });
    expectResponse(await client.request({ method: 'HEAD', path: `/files/${name}` }, { hint }), {
      status: 200,
      headers: { 'Content-Length': String(content.length) },
    });
    expectResponse(await client.request({ method: 'GET', path: `/echo/${word}` }), { status: 200, body: word });
  },
});
