import { join } from 'node:path';
import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, OCTET_STREAM, expectFileContent, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'chunked-request-body',
  title: 'Chunked request bodies',
  async run(t) {
    const dir = await t.tempDir();
    await t.startProgram({ args: ['--directory', `${dir}/`] });
    const client = await HttpTestClient.open(t);
    const name = `${t.random.word()}_${t.random.alnum(4)}`;
    const chunks = Array.from({ length: t.random.int(3, 6) }, () => t.random.text(t.random.int(10, 300)));
    const response = await client.request({
      method: 'POST',
      path: `/files/${name}`,
      headers: { 'Content-Type': OCTET_STREAM },
      chunks,
      chunkExtensionAt: t.random.int(0, chunks.length - 1),
    });
    expectResponse(response, { status: 201 });
    await expectFileContent(t, join(dir, name), Buffer.from(chunks.join('')), {
      hint: 'Decode the chunked body (RFC 9112 §7.1): hex size, optional ;extension, CRLF, data, CRLF, ..., 0 CRLF CRLF.',
    });
    // The whole chunked body, final CRLF included, must have been consumed: the next request parses cleanly.
    expectResponse(
      await client.request({ method: 'GET', path: '/' }, { hint: 'Consume the last chunk (`0\\r\\n`) and the final `\\r\\n`.' }),
      { status: 200 },
    );
  },
});
