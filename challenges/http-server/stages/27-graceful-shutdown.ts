import { join } from 'node:path';
import { defineStage } from '../../../tester/harness/stage.js';
import {
  HttpTestClient,
  OCTET_STREAM,
  expectExitCode,
  expectFileContent,
  expectRefusingConnections,
  expectResponse,
} from '../lib/http.js';

export default defineStage({
  slug: 'graceful-shutdown',
  title: 'Graceful shutdown on SIGTERM',
  timeoutMs: 20_000,
  async run(t) {
    const dir = await t.tempDir();
    const program = await t.startProgram({ args: ['--directory', `${dir}/`] });

    const idle = await HttpTestClient.open(t, 'idle');
    expectResponse(await idle.request({ method: 'GET', path: '/' }), { status: 200 });
    t.log.info('client idle keeps its connection open, with no request in flight.');

    const upload = await HttpTestClient.open(t, 'upload');
    const name = `${t.random.word()}_${t.random.alnum(4)}`;
    const content = t.random.bytes(t.random.int(20_000, 60_000));
    const half = Math.floor(content.length / 2);
    // `Expect: 100-continue` makes "the server has read this request's head" observable (RFC 9110 §10.1.1),
    // so the request is provably in flight when SIGTERM arrives.
    await upload.sendRaw(
      `POST /files/${name} HTTP/1.1\r\nHost: localhost:${t.port}\r\nContent-Type: ${OCTET_STREAM}\r\n` +
        `Content-Length: ${content.length}\r\nExpect: 100-continue\r\n\r\n`,
    );
    expectResponse(await upload.read({ method: 'POST', timeoutMs: 2000, context: 'a POST with Expect: 100-continue' }), {
      status: 100,
    });
    await upload.sendRaw(content.subarray(0, half), `the first ${half} bytes of the body`);

    const signalledAt = Date.now();
    t.log.info('Sending SIGTERM to your program.');
    program.signal('SIGTERM');
    await expectRefusingConnections(t, { withinMs: 2000 });
    await idle.expectClosed('the idle keep-alive connection to be closed after SIGTERM', 2000);

    await upload.sendRaw(content.subarray(half), `the remaining ${content.length - half} bytes of the body`);
    const response = await upload.read({
      method: 'POST',
      timeoutMs: 3000,
      context: 'the upload that was in flight when SIGTERM arrived',
      hint: 'After SIGTERM, stop accepting but let requests in flight finish.',
    });
    expectResponse(response, { status: 201 });
    await expectFileContent(t, join(dir, name), content);
    await expectExitCode(t, program, { code: 0, withinMs: 5000 - (Date.now() - signalledAt) });
  },
});
