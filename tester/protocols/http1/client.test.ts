import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TcpConnection } from '../tcp/connection.js';
import { HttpClient } from './client.js';
import { body, header, status } from './expect.js';
import { failure } from '../../../test/helpers/failure.js';

let server: net.Server | undefined;
const open: Array<{ destroy(): void }> = [];
/** Everything the server received, per connection. */
let received = '';

/**
 * A scripted server: for each request head it receives (bodies are not expected here), it writes the
 * next canned reply in one write. `undefined` means stay silent; `thenClose` closes after writing.
 */
async function serve(replies: Array<string | { thenClose: string } | undefined>): Promise<HttpClient> {
  received = '';
  server = net.createServer((socket) => {
    open.push(socket);
    socket.on('error', () => {});
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      pending += chunk.toString('latin1');
      for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
        pending = pending.slice(end + 4);
        const reply = replies.shift();
        if (typeof reply === 'string') socket.write(Buffer.from(reply, 'latin1'));
        else if (reply) socket.end(Buffer.from(reply.thenClose, 'latin1'));
      }
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const connection = await TcpConnection.connect({ host: '127.0.0.1', port: address.port, name: 'c', timeoutMs: 1000 });
  open.push(connection);
  return new HttpClient(connection, { host: `localhost:${address.port}`, timeoutMs: 1000, hooks });
}

const requests: string[] = [];
const hooks = { onRequest: (_: unknown, reproduce: string) => requests.push(reproduce) };

afterEach(async () => {
  requests.length = 0;
  for (const item of open.splice(0)) item.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('HttpClient', () => {
  it('adds Host, logs a curl line, and checks the response', async () => {
    const client = await serve(['HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nabc']);
    const res = await client.expect({ method: 'GET', target: '/echo/abc', headers: [['User-Agent', 'x']] }, [
      status(200),
      header('Content-Type', 'text/plain'),
      body('abc'),
    ]);
    expect(res.body.toString()).toBe('abc');
    expect(received).toBe(`GET /echo/abc HTTP/1.1\r\nHost: ${client.host}\r\nUser-Agent: x\r\n\r\n`);
    expect(requests).toEqual([`curl -v http://${client.host}/echo/abc -H 'User-Agent: x'`]);
  });

  it('finds unread bytes after a Content-Length that is too small', async () => {
    const client = await serve(['HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nhello']);
    const error = await failure(client.expect({ method: 'GET', target: '/', headers: [] }, [status(200)]));
    expect(error.message).toBe("Found 2 unread bytes after the response: 'lo'. Is Content-Length smaller than the body you sent?");
  });

  it('explains unread bytes after a response without Content-Length', async () => {
    const client = await serve(['HTTP/1.1 200 OK\r\n\r\nhello']);
    await client.request({ method: 'GET', target: '/', headers: [] });
    expect(() => client.expectNoUnreadBytes()).toThrow(
      "Found 5 unread bytes after the response: 'hello'. The response has no Content-Length header, so the grader read its body as empty: send Content-Length with every body.",
    );
  });

  it('pipelines, and reads responses in order with each request method (HEAD has no body)', async () => {
    const client = await serve([
      'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi',
    ]);
    await client.sendPipelined([
      { method: 'HEAD', target: '/echo/hello', headers: [] },
      { method: 'GET', target: '/echo/hi', headers: [] },
    ]);
    expect((await client.readResponse()).body.length).toBe(0);
    expect((await client.readResponse()).body.toString()).toBe('hi');
    client.expectNoUnreadBytes();
    expect(requests[0]).toMatch(/^printf 'HEAD \/echo\/hello HTTP\/1\.1\\r\\n.*GET \/echo\/hi .*' \| nc localhost \d+$/);
    expect(requests[1]).toBe('');
  });

  it('sends byte by byte and in pieces', async () => {
    const client = await serve(['HTTP/1.1 200 OK\r\n\r\n', 'HTTP/1.1 201 Created\r\n\r\n']);
    expect((await client.request({ method: 'GET', target: '/', headers: [] }, { pieces: 'bytewise' })).status).toBe(200);
    expect((await client.request({ method: 'GET', target: '/x', headers: [] }, { pieces: [3, 10] })).status).toBe(201);
    expect(received).toBe(`GET / HTTP/1.1\r\nHost: ${client.host}\r\n\r\nGET /x HTTP/1.1\r\nHost: ${client.host}\r\n\r\n`);
  });

  it('names the request in a timeout and attaches its replay line', async () => {
    const client = await serve([undefined]);
    await client.sendRaw('GET /echo/x HTTP/1.1\r\n\r\n');
    const error = await failure(client.readResponse({ timeoutMs: 50 }));
    expect(error.message).toBe('Expected an HTTP response to `GET /echo/x HTTP/1.1` within 50 ms, but your program sent nothing.');
    expect(error.reproduce).toMatch(/^printf 'GET \/echo\/x HTTP\/1\.1\\r\\n\\r\\n' \| nc localhost \d+$/);
  });

  it('points out a connection closed after the previous response', async () => {
    const client = await serve([{ thenClose: 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n' }]);
    await client.request({ method: 'GET', target: '/', headers: [] });
    const error = await failure(client.request({ method: 'GET', target: '/echo/a', headers: [] }));
    expect(error.message).toBe('Your program closed the connection before sending an HTTP response to `GET /echo/a`.');
    expect(error.hint).toMatch(/^Your program closed the connection after answering the previous request/);
    expect(error.reproduce).toBe(`curl -v http://${client.host}/echo/a`);
  });

  it('expectClose fails while the connection stays open', async () => {
    const client = await serve([]);
    expect((await failure(client.expectClose({ what: 'the connection to close after 400', timeoutMs: 50 }))).message).toBe(
      'Expected the connection to close after 400, but it stayed open for 50 ms.',
    );
  });
});
