import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineStage } from '../../../tester/harness/stage.js';
import { HttpTestClient, expectResponse } from '../lib/http.js';

export default defineStage({
  slug: 'range-requests',
  title: 'Range requests',
  async run(t) {
    const dir = await t.tempDir();
    const name = `${t.random.word()}_${t.random.alnum(4)}.bin`;
    const size = t.random.int(1000, 4000);
    const content = t.random.bytes(size);
    await writeFile(join(dir, name), content);
    await t.startProgram({ args: ['--directory', `${dir}/`] });
    const client = await HttpTestClient.open(t);
    const path = `/files/${name}`;

    const start = t.random.int(0, size - 200);
    const end = start + t.random.int(1, 150);
    const suffix = t.random.int(1, 300);
    const from = t.random.int(1, size - 1);
    // [Range header, first byte, last byte] — RFC 9110 §14.1.2's three forms.
    const ranges: Array<[string, number, number]> = [
      [`bytes=${start}-${end}`, start, end],
      [`bytes=${from}-`, from, size - 1],
      [`bytes=-${suffix}`, size - suffix, size - 1],
    ];
    for (const [range, first, last] of ranges) {
      const response = await client.request({ method: 'GET', path, headers: { Range: range } });
      expectResponse(
        response,
        {
          status: 206,
          headers: { 'Content-Range': `bytes ${first}-${last}/${size}`, 'Content-Length': String(last - first + 1) },
          body: content.subarray(first, last + 1),
        },
        `GET ${path} with Range: ${range}`,
      );
    }
    const beyond = `bytes=${size + 5}-`;
    const unsatisfiable = await client.request({ method: 'GET', path, headers: { Range: beyond } });
    expectResponse(
      unsatisfiable,
      { status: 416, headers: { 'Content-Range': `bytes */${size}` } },
      `GET ${path} with Range: ${beyond} (the file has ${size} bytes)`,
    );
  },
});
