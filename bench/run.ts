/**
 * `npm run bench`: performance is measured here, never in timed unit tests.
 * 1. The strict HTTP/1.1 decoder's throughput on valid responses (Content-Length and chunked), fed whole.
 * 2. The strict RESP2 decoder's throughput on a typical pipelined mix of replies.
 * 3. Wall time of grading each whole track against each reference and, for Redis, the real redis-server
 *    (the figures CI budgets rely on).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { gradeTarget } from '../tester/cli/grade.js';
import { resolveGradeTarget } from '../tester/cli/target.js';
import { KIT_ROOT } from '../tester/harness/paths.js';
import { decodeResponse } from '../tester/protocols/http1/decode.js';
import { encodeChunked } from '../tester/protocols/http1/encode.js';
import { decodeResp } from '../tester/protocols/resp/decode.js';

function benchDecoder(): void {
  const body = Buffer.alloc(1024, 'x');
  const samples = [
    Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n`), body]),
    Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'), encodeChunked([body.subarray(0, 300), body.subarray(300)])]),
  ];
  for (const [name, sample] of [['content-length', samples[0]], ['chunked', samples[1]]] as const) {
    if (!sample) continue;
    const iterations = 20_000;
    const started = performance.now();
    for (let i = 0; i < iterations; i++) {
      const result = decodeResponse(sample, { method: 'GET' });
      if (!result.ok) throw new Error(`bench sample did not decode: ${name}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const mb = (sample.length * iterations) / 1024 / 1024;
    console.log(`decoder ${name.padEnd(15)} ${Math.round(iterations / seconds).toLocaleString('en')} responses/s, ${(mb / seconds).toFixed(1)} MiB/s`);
  }
}

function benchRespDecoder(): void {
  const replies = ['+OK\r\n', ':1000\r\n', '$5\r\nhello\r\n', '$-1\r\n', '*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$100\r\n' + 'x'.repeat(100) + '\r\n'];
  const samples = replies.map((reply) => Buffer.from(reply));
  const iterations = 200_000;
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    const sample = samples[i % samples.length] as Buffer;
    if (!decodeResp(sample).ok) throw new Error('bench sample did not decode');
    bytes += sample.length;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`decoder resp            ${Math.round(iterations / seconds).toLocaleString('en')} replies/s, ${(bytes / 1024 / 1024 / seconds).toFixed(1)} MiB/s`);
}

async function benchTrack(track: string, language: string, run?: string): Promise<void> {
  const dir = run ? KIT_ROOT : join(KIT_ROOT, 'solutions', track, language);
  const quiet = { stdout: new Writable({ write: (_c, _e, cb) => cb() }), stderr: process.stderr, env: process.env, cwd: KIT_ROOT };
  const target = await resolveGradeTarget(run ? { dir, cwd: KIT_ROOT, challenge: track, run } : { dir, cwd: KIT_ROOT });
  const started = performance.now();
  const summary = await gradeTarget(target, { all: true, port: 'auto', seed: '1', color: false, reporterChoices: [] }, quiet);
  const total = (performance.now() - started) / 1000;
  const slowest = [...summary.stages].sort((a, b) => b.durationMs - a.durationMs).slice(0, 3);
  console.log(
    `track ${`${track}/${language}`.padEnd(24)} ${total.toFixed(1)} s for ${summary.stages.length} stages (build included), ` +
      `${summary.summary.passed} passed; slowest: ${slowest.map((s) => `${s.slug} ${(s.durationMs / 1000).toFixed(1)} s`).join(', ')}`,
  );
}

function has(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

benchDecoder();
benchRespDecoder();
for (const track of ['http-server', 'redis', 'chat-hub']) {
  await benchTrack(track, 'typescript');
  if (has('go', ['version'])) await benchTrack(track, 'go');
  else console.log(`track ${track}/go: skipped (Go is not installed)`);
}
if (has('redis-server', ['--version'])) await benchTrack('redis', 'redis-server', "redis-server --save '' --appendonly no");
else console.log('track redis/redis-server: skipped (redis-server is not installed)');
