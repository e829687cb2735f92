import { join } from 'node:path';
import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, OCTET_STREAM, expectFileContent, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'body-too-large',
  title: '413 Content Too Large',
  async run(t) {
    const dir = await t.tempDir();
    await t.startProgram({ args: ['--directory', `${dir}/`] });
    const big = await HttpTestClient.open(t, 'client-1');
    const name = `${t.random.word()}_${t.random.alnum(4)}`;
    t.log.info('Announcing a 2 MiB body and sending only the head:');
    await big.sendRaw(
      `POST /files/${name} HTTP/1.1\r\nHost: localhost:${t.port}\r\nContent-Type: ${OCTET_STREAM}\r\nContent-Length: 2097152\r\n\r\n`,
    );
    const refused = await big.read({
      method: 'POST',
      timeoutMs: 2000,
      context: 'a POST announcing Content-Length: 2097152',
      hint: 'Check Content-Length against the 1 MiB limit as soon as the head is parsed, before reading the body.',
    });
    expectResponse(refused, { status: 413 });
    await big.expectClosed('the connection to close after 413', 2000);

    const content = t.random.bytes(512 * 1024);
    const ok = await (await HttpTestClient.open(t, 'client-2')).request(
      { method: 'POST', path: `/files/${name}`, headers: { 'Content-Type': OCTET_STREAM }, body: content },
      { timeoutMs: 5000 },
    );
    expectResponse(ok, { status: 201 });
    await expectFileContent(t, join(dir, name), content);
  },
});
