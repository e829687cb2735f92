import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, OCTET_STREAM, expectResponse, mediaType } from '../lib/http.js';

export default defineStage({
  slug: 'get-file',
  title: 'Return a file',
  async run(t) {
    const dir = await t.tempDir();
    const name = `${t.random.word()}_${t.random.alnum(4)}.txt`;
    const content = t.random.text(t.random.int(50, 500));
    await writeFile(join(dir, name), content);
    t.log.info(`Created ${join(dir, name)} (${content.length} bytes).`);
    await t.startProgram({ args: ['--directory', `${dir}/`] });

    const found = await (await HttpTestClient.open(t, 'client-1')).request({ method: 'GET', path: `/files/${name}` });
    expectResponse(found, {
      status: 200,
      headers: { 'Content-Type': mediaType(OCTET_STREAM), 'Content-Length': String(content.length) },
      body: content,
    });
    const missing = `missing_${t.random.alnum(6)}`;
    const notFound = await (await HttpTestClient.open(t, 'client-2')).request({ method: 'GET', path: `/files/${missing}` });
    expectResponse(notFound, { status: 404 });
  },
});
