import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, allowHeader, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'method-not-allowed',
  title: '405 Method Not Allowed',
  async run(t) {
    const dir = await t.tempDir();
    await t.startProgram({ args: ['--directory', `${dir}/`] });
    const client = await HttpTestClient.open(t);
    const echo = await client.request({ method: 'DELETE', path: `/echo/${t.random.word()}` });
    expectResponse(echo, { status: 405, headers: { Allow: allowHeader(['GET', 'HEAD']) } });
    const files = await client.request({ method: 'PUT', path: `/files/${t.random.word()}`, body: t.random.word() });
    expectResponse(files, { status: 405, headers: { Allow: allowHeader(['GET', 'HEAD', 'POST']) } });
  },
});
