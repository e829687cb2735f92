import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { StageFailure } from '../../harness/errors.js';
import { TcpConnection } from '../tcp/connection.js';
import { RespClient } from './client.js';
import { decodeResp } from './decode.js';
import { failure } from '../../../test/helpers/failure.js';

let server: net.Server | undefined;
const open: Array<{ destroy(): void }> = [];
/** Every byte the server received, and in how many reads. */
let received = Buffer.alloc(0);
let reads = 0;
const logged: string[] = [];

/** What the scripted server does with one command: reply bytes, nothing, or close after writing. */
type Script = (args: string[], socket: net.Socket) => string | Buffer | undefined;

/** A Redis-ish server: decodes each complete command (RESP arrays) and answers through `script`. */
async function serve(script: Script, options: { readNothing?: boolean } = {}): Promise<{ client: RespClient; port: number }> {
  received = Buffer.alloc(0);
  reads = 0;
  server = net.createServer({ allowHalfOpen: true }, (socket) => {
    open.push(socket);
    socket.on('error', () => {});
    if (options.readNothing) return socket.pause();
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      reads++;
      buffer = Buffer.concat([buffer, chunk]);
      for (let result = decodeResp(buffer); result.ok; result = decodeResp(buffer)) {
        buffer = buffer.subarray(result.consumed);
        const args = result.value.type === 'array' ? result.value.value.map((v) => (v.type === 'bulk' ? v.value.toString('latin1') : '?')) : [];
        const reply = script(args, socket);
        if (reply !== undefined) socket.write(typeof reply === 'string' ? Buffer.from(reply, 'latin1') : reply);
      }
    });
    socket.on('end', () => {
      script(['<end>'], socket);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const connection = await TcpConnection.connect({ host: '127.0.0.1', port: address.port, name: 'c', timeoutMs: 1000 });
  open.push(connection);
  const hooks = {
    onCommand: (args: (string | Buffer)[], reproduce: string) => logged.push(`command ${args.join(' ')} | ${reproduce}`),
    onRaw: (_bytes: Buffer, reproduce: string) => logged.push(`raw | ${reproduce}`),
  };
  return { client: new RespClient(connection, { port: address.port, timeoutMs: 1000, hooks }), port: address.port };
}

/** ECHO, PING, SET/GET like Redis; `<end>` is the client's FIN. */
function redisLike(): Script {
  const data = new Map<string, string>();
  return (args, socket) => {
    const [name, a, b] = args;
    if (name === '<end>') return void socket.end();
    if (name === 'PING') return '+PONG\r\n';
    if (name === 'ECHO' && a !== undefined) return `$${a.length}\r\n${a}\r\n`;
    if (name === 'SET' && a !== undefined && b !== undefined) return data.set(a, b), '+OK\r\n';
    if (name === 'GET' && a !== undefined) {
      const value = data.get(a);
      return value === undefined ? '$-1\r\n' : `$${value.length}\r\n${value}\r\n`;
    }
    return `-ERR unknown command '${name}'\r\n`;
  };
}

afterEach(async () => {
  logged.length = 0;
  for (const item of open.splice(0)) item.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('RespClient', () => {
  it('sends a command as RESP, logs its redis-cli line, and reads the reply', async () => {
    const { client, port } = await serve(redisLike());
    expect(await client.command(['ECHO', 'hey'])).toEqual({ type: 'bulk', value: Buffer.from('hey') });
    expect(received.toString('latin1')).toBe('*2\r\n$4\r\nECHO\r\n$3\r\nhey\r\n');
    expect(logged).toEqual([`command ECHO hey | redis-cli -p ${port} ECHO hey`]);
    client.expectNoUnreadBytes();
  });

  it('pipelines in one write and reads replies in order', async () => {
    const { client, port } = await serve(redisLike());
    await client.sendPipelined([['SET', 'k', 'v'], ['GET', 'k'], ['PING']]);
    expect(await client.readReply()).toEqual({ type: 'simple', value: 'OK' });
    expect(await client.readReply()).toEqual({ type: 'bulk', value: Buffer.from('v') });
    const pong = await client.readReply();
    expect(client.originOf(pong)).toMatchObject({ bytes: Buffer.from('+PONG\r\n'), command: 'PING' });
    expect(reads).toBe(1);
    expect(logged[0]).toMatch(new RegExp(`^command SET k v \\| printf '\\*3\\\\r\\\\n.*' \\| nc localhost ${port}$`));
    expect(logged.slice(1)).toEqual(['command GET k | ', 'command PING | ']);
  });

  it('sends byte by byte and in pieces', async () => {
    const { client } = await serve(redisLike());
    expect(await client.command(['SET', 'k', 'value'], { pieces: 'bytewise', gapMs: 1 })).toEqual({ type: 'simple', value: 'OK' });
    expect(reads).toBeGreaterThan(5);
    expect(await client.command(['GET', 'k'], { pieces: [3, 12], gapMs: 5 })).toEqual({ type: 'bulk', value: Buffer.from('value') });
    expect(received.toString('latin1')).toBe('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nvalue\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n');
  });

  it('names the command in a timeout and attaches its replay line', async () => {
    const { client, port } = await serve(() => undefined);
    const error = await failure(client.command(['ECHO', 'hey'], { timeoutMs: 50 }));
    expect(error.message).toBe('Expected a reply to `ECHO hey` within 50 ms, but your program sent nothing.');
    expect(error.reproduce).toBe(`redis-cli -p ${port} ECHO hey`);
  });

  it('shows a framing error with a caret under the byte', async () => {
    const { client } = await serve(() => '$3\r\nhello\r\n');
    const error = await failure(client.command(['ECHO', 'hello']));
    expect(error.message).toBe(
      [
        'While reading a reply to `ECHO hello`, found a framing error at byte 7:',
        "'$3\\r\\nhello\\r\\n'",
        '          ^',
        "Error: expected \\r\\n after bulk string of length 3, got 'l'; is 3 the length of the data in bytes?",
      ].join('\n'),
    );
  });

  it('finds a command answered twice', async () => {
    const { client } = await serve(() => '+PONG\r\n+PONG\r\n');
    await client.command(['PING']);
    let error: unknown;
    try {
      client.expectNoUnreadBytes();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StageFailure);
    expect((error as StageFailure).message).toBe(
      "Found 7 unread bytes after the reply to `PING`: '+PONG\\r\\n'. Did you answer one command twice, or read one command as two?",
    );
    expect((error as StageFailure).reproduce).toMatch(/^redis-cli -p \d+ PING$/);
  });

  it('points out an extra CRLF after a reply', async () => {
    const { client } = await serve(() => '+PONG\r\n\r\n');
    await client.command(['PING']);
    expect(() => client.expectNoUnreadBytes()).toThrow("Found 2 unread bytes after the reply to `PING`: '\\r\\n'. Is there an extra \\r\\n after the reply?");
  });

  it('points out a connection closed after the previous reply', async () => {
    const { client } = await serve((_args, socket) => void socket.end('+PONG\r\n'));
    await client.command(['PING']);
    const error = await failure(client.command(['PING']));
    expect(error.message).toBe('Your program closed the connection before sending a reply to `PING`.');
    expect(error.hint).toMatch(/^Your program closed the connection after answering the previous command/);
  });

  it('sends inline commands raw and names the reply after their first line', async () => {
    const { client, port } = await serve(() => undefined);
    await client.sendRaw('PING\r\n');
    expect(logged).toEqual([`raw | printf 'PING\\r\\n' | nc localhost ${port}`]);
    expect((await failure(client.readReply({ timeoutMs: 30 }))).message).toBe('Expected a reply to `PING` within 30 ms, but your program sent nothing.');
  });

  it('a half-closed client still gets its replies, then the close', async () => {
    const { client } = await serve(redisLike());
    await client.sendPipelined([['SET', 'k', 'v'], ['GET', 'k']]);
    client.halfClose();
    expect((await client.readReply()).type).toBe('simple');
    expect((await client.readReply()).type).toBe('bulk');
    await client.expectClose({ what: 'the connection to close', timeoutMs: 1000 });
  });

  it('a program that stops reading a large command fails the read instead of stalling the write', async () => {
    const { client } = await serve(() => undefined, { readNothing: true });
    const value = Buffer.alloc(8 * 1024 * 1024, 0x61);
    const error = await failure(client.command(['SET', 'k', value], { timeoutMs: 200 }));
    expect(error.message).toBe(`Expected a reply to \`SET k "${'a'.repeat(24)}"…(8388584 more bytes)\` within 200 ms, but your program sent nothing.`);
    expect(error.reproduce).toMatch(/ \| redis-cli -p \d+ -x SET k {2}# only the first 1024 of 8388608 bytes shown$/);
  });
});
