import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, OCTET_STREAM, STRONG_ETAG, expectResponse, header, labelled } from '../lib/http.js';

export default defineStage({
  slug: 'conditional-requests',
  title: 'ETag and If-None-Match',
  async run(t) {
    const dir = await t.tempDir();
    const name = `${t.random.word()}_${t.random.alnum(4)}.txt`;
    const original = t.random.text(t.random.int(100, 400));
    await writeFile(join(dir, name), original);
    await t.startProgram({ args: ['--directory', `${dir}/`] });
    const client = await HttpTestClient.open(t);
    const path = `/files/${name}`;

    const first = await client.request({ method: 'GET', path });
    expectResponse(first, { status: 200, headers: { ETag: STRONG_ETAG }, body: original });
    const etag = header(first, 'etag') as string;

    for (const condition of [etag, '*', `"${t.random.alnum(6)}", ${etag}`]) {
      const cached = await client.request({ method: 'GET', path, headers: { 'If-None-Match': condition } });
      expectResponse(cached, { status: 304, headers: { ETag: etag }, body: '' }, `GET ${path} with If-None-Match: ${condition}`);
    }
    const other = `"${t.random.alnum(8)}"`;
    const changed = await client.request({ method: 'GET', path, headers: { 'If-None-Match': other } });
    expectResponse(changed, { status: 200, body: original }, `GET ${path} with If-None-Match: ${other}`);

    // Same length, different bytes: an ETag made from the size alone must not pass.
    const replacement = t.random.alnum(6);
    const tail = replacement === original.slice(-6) ? replacement.toUpperCase() : replacement;
    const updated = `${original.slice(0, -6)}${tail}`;
    const upload = await client.request({ method: 'POST', path, headers: { 'Content-Type': OCTET_STREAM }, body: updated });
    expectResponse(upload, { status: 201 });
    const fresh = await client.request({ method: 'GET', path, headers: { 'If-None-Match': etag } });
    expectResponse(
      fresh,
      { status: 200, headers: { ETag: labelled(`a new tag: the content changed, so ${etag} no longer applies`, (value) => value !== etag) }, body: updated },
      `GET ${path} with the old ETag after the file changed`,
    );
  },
});
