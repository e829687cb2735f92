import { join } from 'node:path';
import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, OCTET_STREAM, expectFileContent, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'post-file',
  title: 'Read the request body',
  async run(t) {
    const dir = await t.tempDir();
    await t.startProgram({ args: ['--directory', `${dir}/`] });
    const name = `${t.random.word()}_${t.random.alnum(4)}`;
    const content = t.random.text(t.random.int(50, 500));
    const response = await (await HttpTestClient.open(t)).request({
      method: 'POST',
      path: `/files/${name}`,
      headers: { 'Content-Type': OCTET_STREAM },
      body: content,
    });
    expectResponse(response, { status: 201 });
    await expectFileContent(t, join(dir, name), Buffer.from(content));
  },
});
