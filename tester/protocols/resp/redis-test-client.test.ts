import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisTestClient, array, bulk, nullBulk, simpleString } from '../../../challenges/redis/lib/redis.js';
import { StageContext } from '../../harness/context.js';
import { StageFailure } from '../../harness/errors.js';
import { Logger } from '../../harness/log.js';
import { Random } from '../../harness/random.js';
import { Teardown } from '../../harness/teardown.js';
import { decodeResp } from './decode.js';
import { failure } from '../../../test/helpers/failure.js';

/**
 * The Redis track's stage vocabulary (challenges/redis/lib/redis.ts) against a scripted server: the
 * transcript lines it logs and the failures it throws. It lives here because vitest collects tests
 * only under tester/ and test/.
 */

let server: net.Server | undefined;
let teardown = new Teardown();
const transcript: string[] = [];

/** Answers each decoded command with `reply(args)`. */
async function context(reply: (args: string[]) => string): Promise<StageContext> {
  server = net.createServer((socket) => {
    socket.on('error', () => {});
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (let result = decodeResp(buffer); result.ok; result = decodeResp(buffer)) {
        buffer = buffer.subarray(result.consumed);
        const args = result.value.type === 'array' ? result.value.value.map((v) => (v.type === 'bulk' ? v.value.toString('latin1') : '')) : [];
        socket.write(Buffer.from(reply(args), 'latin1'));
      }
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const log = new Logger((level, text) => transcript.push(`${level}: ${text}`));
  const stage = { slug: 'echo', title: 'Echo', index: 1, instructionsPath: '', run: async () => {} };
  const challenge = { slug: 'redis', title: 'Redis', summary: '', defaultPort: 6379, mode: 'server' as const, stageTimeoutMs: 1000, languages: [], stages: [stage] };
  const target = { spec: { command: 'true', cwd: '.' }, port: address.port, passPort: false, startTimeoutMs: 1000 };
  return new StageContext(challenge, stage, new Random(1), log, target, teardown);
}

const info = (): string[] => transcript.filter((line) => line.startsWith('info: '));

afterEach(async () => {
  transcript.length = 0;
  await teardown.run();
  teardown = new Teardown();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('RedisTestClient', () => {
  it('logs the redis-cli line, then the reply as redis-cli shows it', async () => {
    const t = await context(([name, arg]) => (name === 'ECHO' ? `$${arg?.length}\r\n${arg}\r\n` : '*2\r\n$1\r\na\r\n:1\r\n'));
    const redis = await RedisTestClient.open(t, 'client');
    await redis.expectReply(['ECHO', 'hey'], bulk('hey'));
    await redis.expectReply(['LIST'], array([bulk('a'), { check: () => undefined }]));
    expect(info()).toEqual([
      `info: [client] $ redis-cli -p ${t.port} ECHO hey`,
      'info: [client] ← "hey"',
      `info: [client] $ redis-cli -p ${t.port} LIST`,
      'info: [client] ← 1) "a"',
      'info: [client]   2) (integer) 1',
    ]);
  });

  it('fails with the mismatch, the command, the bytes, the replay line and the hint', async () => {
    const t = await context(() => '+hey\r\n');
    const redis = await RedisTestClient.open(t, 'client');
    const error = await failure(redis.expectReply(['ECHO', 'hey'], bulk('hey'), { hint: 'stage hint' }));
    expect(error.message).toBe(['Expected bulk string "hey", got simple string "hey".', 'Reply to: ECHO hey', "Received: '+hey\\r\\n'"].join('\n'));
    expect(error.reproduce).toBe(`redis-cli -p ${t.port} ECHO hey`);
    // The mismatch's own diagnosis beats the stage's general advice.
    expect(error.hint).toBe('Send a bulk string: $3\\r\\nhey\\r\\n (a $, the length in bytes, \\r\\n, the bytes, \\r\\n); + starts a simple string.');
  });

  it('shows an array reply whole under the mismatch', async () => {
    const t = await context(() => '*2\r\n$1\r\na\r\n$1\r\nc\r\n');
    const redis = await RedisTestClient.open(t, 'client');
    const error = await failure(redis.expectReply(['LRANGE', 'k', '0', '-1'], array([bulk('a'), bulk('b')])));
    expect(error.message).toBe(
      [
        'array[1]: Expected bulk string "b", got bulk string "c" (1 byte expected, 1 received).',
        'Reply to: LRANGE k 0 -1',
        'Reply as redis-cli shows it:',
        '  1) "a"',
        '  2) "c"',
        "Received: '*2\\r\\n$1\\r\\na\\r\\n$1\\r\\nc\\r\\n'",
      ].join('\n'),
    );
  });

  it('gives framing errors and timeouts the stage hint', async () => {
    const t = await context(() => 'PONG\r\n');
    const redis = await RedisTestClient.open(t, 'client');
    const error = await failure(redis.expectReply(['PING'], simpleString('PONG'), { hint: 'Reply with +PONG\\r\\n.' }));
    expect(error.message).toMatch(/^While reading a reply to `PING`, found a framing error at byte 0:/);
    expect(error.hint).toBe('Reply with +PONG\\r\\n.');
  });

  it('pipelines: one nc line, then each reply checked against its context', async () => {
    const t = await context(([name]) => (name === 'GET' ? '*-1\r\n' : '+OK\r\n'));
    const redis = await RedisTestClient.open(t, 'client');
    await redis.sendPipelined([['SET', 'k', 'v'], ['GET', 'nope']]);
    redis.expectValue(await redis.readReply({ context: 'SET k v' }), simpleString('OK'), 'SET k v');
    const reply = await redis.readReply({ context: 'GET nope' });
    const error = (() => {
      try {
        redis.expectValue(reply, nullBulk(), 'GET nope (command 2 of 2 in one write)', 'stage hint');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(StageFailure);
    expect((error as StageFailure).message).toBe(
      ['Expected null bulk string ($-1\\r\\n), got null array (*-1\\r\\n).', 'Reply to: GET nope (command 2 of 2 in one write)', "Received: '*-1\\r\\n'"].join('\n'),
    );
    expect((error as StageFailure).reproduce).toMatch(/^printf '\*3.*' \| nc localhost \d+$/);
    expect(info()[1]).toBe('info: [client]   (pipelined) GET nope');
  });

  it('logs fragmented sends, and quiet clients log nothing', async () => {
    const t = await context(() => '+OK\r\n');
    const redis = await RedisTestClient.open(t, 'client');
    await redis.expectReply(['SET', 'k', 'v'], simpleString('OK'), { pieces: 'bytewise', gapMs: 1 });
    expect(info()[1]).toBe('info: [client]   (sent in 27 writes, one byte each, 1 ms apart)');
    const quiet = await RedisTestClient.open(t, 'load', { quiet: true });
    await quiet.expectReply(['SET', 'k', 'v'], simpleString('OK'));
    expect(info().some((line) => line.includes('[load]'))).toBe(false);
  });
});
