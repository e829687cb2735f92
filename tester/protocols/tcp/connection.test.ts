import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { InternalError } from '../../harness/errors.js';
import { type ConnectionHooks, type Decoder, TcpConnection } from './connection.js';
import { failure } from '../../../test/helpers/failure.js';

/** A test protocol: values are lines ending in `\n`; a line starting with `!` is invalid. */
const line: Decoder<string> = (buf) => {
  if (buf[0] === 0x21) return { ok: false, kind: 'invalid', offset: 0, message: 'a line must not start with !' };
  const end = buf.indexOf(0x0a);
  if (end < 0) return { ok: false, kind: 'incomplete', waitingFor: 'the \\n that ends the line' };
  return { ok: true, value: buf.toString('utf8', 0, end), consumed: end + 1 };
};
const read = { what: 'a line', timeoutMs: 50 };

let server: net.Server | undefined;
const open: Array<{ destroy(): void }> = [];

/** Starts a server on 127.0.0.1, port 0, that runs `onConnection` for each client. */
async function serve(onConnection: (socket: net.Socket) => void): Promise<number> {
  server = net.createServer({ allowHalfOpen: true }, (socket) => {
    open.push(socket);
    socket.on('error', () => {});
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function connect(port: number, hooks?: ConnectionHooks): Promise<TcpConnection> {
  const connection = await TcpConnection.connect({ host: '127.0.0.1', port, name: 'client-1', timeoutMs: 1000, hooks });
  open.push(connection);
  return connection;
}

afterEach(async () => {
  for (const item of open.splice(0)) item.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('TcpConnection', () => {
  it('says so when nothing listens', async () => {
    const port = await serve(() => {});
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    const error = await failure(connect(port));
    expect(error.message).toBe(`Could not connect to 127.0.0.1:${port} (connection refused). Is your program listening on port ${port}?`);
  });

  it('reads values that arrive in pieces and keeps the unread rest', async () => {
    const port = await serve((socket) => {
      socket.write('hel');
      setImmediate(() => socket.write('lo\nwor'));
    });
    const connection = await connect(port);
    expect(await connection.read(line, read)).toBe('hello');
    expect(connection.unreadBytes().toString()).toBe('wor');
  });

  it('times out with nothing received', async () => {
    const connection = await connect(await serve(() => {}));
    expect((await failure(connection.read(line, read))).message).toBe('Expected a line within 50 ms, but your program sent nothing.');
  });

  it('times out on a partial value, showing it and what is missing', async () => {
    const port = await serve((socket) => socket.write('abc\r'));
    const connection = await connect(port);
    expect((await failure(connection.read(line, read))).message).toBe(
      "Expected a line within 50 ms, but only 4 bytes arrived and they do not complete it.\nStill waiting for the \\n that ends the line.\nReceived: 'abc\\r'",
    );
  });

  it('reports a close in the middle of a value', async () => {
    const port = await serve((socket) => socket.end('HTTP/1.1 200'));
    const connection = await connect(port);
    expect((await failure(connection.read(line, { what: 'a line', timeoutMs: 2000 }))).message).toBe(
      "Your program closed the connection after sending 12 bytes, before the line was complete: 'HTTP/1.1 200'\nStill waiting for the \\n that ends the line.",
    );
  });

  it('reports a close before anything was sent', async () => {
    const connection = await connect(await serve((socket) => socket.end()));
    expect((await failure(connection.read(line, { what: 'a line', timeoutMs: 2000 }))).message).toBe(
      'Your program closed the connection before sending a line.',
    );
  });

  it('reports a reset, with a hint to look at the program output', async () => {
    const closes: string[] = [];
    const port = await serve((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const connection = await connect(port, { onClose: (how) => closes.push(how) });
    await connection.write('x');
    const error = await failure(connection.read(line, { what: 'a line', timeoutMs: 2000 }));
    expect(error.message).toBe('Your program reset the connection (ECONNRESET) while the grader was waiting for a line.');
    expect(error.hint).toMatch(/crashed.*\[your_program\]/);
    expect(closes).toEqual(['reset']);
    expect(connection.isOpen()).toBe(false);
  });

  it('renders invalid bytes with a caret', async () => {
    const connection = await connect(await serve((socket) => socket.write('!x\n')));
    expect((await failure(connection.read(line, read))).message).toBe(
      "While reading a line, found a framing error at byte 0:\n'!x\\n'\n ^\nError: a line must not start with !",
    );
  });

  it('treats a throwing decoder as a grader bug', async () => {
    const connection = await connect(await serve((socket) => socket.write('x')));
    const throwing: Decoder<never> = () => {
      throw new Error('boom');
    };
    await expect(connection.read(throwing, read)).rejects.toBeInstanceOf(InternalError);
  });

  it('expectEof passes on a close, fails on silence or more bytes', async () => {
    const replies = ['end', 'silent', 'bye'];
    const port = await serve((socket) => {
      const reply = replies.shift();
      if (reply === 'end') socket.end();
      else if (reply === 'bye') socket.end('bye');
    });
    const eof = { what: 'the connection to close', timeoutMs: 50 };
    await (await connect(port)).expectEof({ ...eof, timeoutMs: 2000 });
    expect((await failure((await connect(port)).expectEof(eof))).message).toBe('Expected the connection to close, but it stayed open for 50 ms.');
    const third = await connect(port);
    expect((await failure(third.expectEof({ ...eof, timeoutMs: 2000 }))).message).toBe(
      "Expected the connection to close, but your program sent 3 more bytes: 'bye'",
    );
  });

  it('writePieces sends every piece, in order, each through onSend', async () => {
    let received = '';
    let done: () => void = () => {};
    const all = new Promise<void>((resolve) => (done = resolve));
    const port = await serve((socket) =>
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString();
        if (received.length === 6) done();
      }),
    );
    const sent: string[] = [];
    const connection = await connect(port, { onSend: (bytes) => sent.push(bytes.toString()) });
    await connection.writePieces(['ab', Buffer.from('c'), 'def']);
    await all;
    expect(received).toBe('abcdef');
    expect(sent).toEqual(['ab', 'c', 'def']);
  });

  it('pauseReading backs the program\'s writes up; resumeReading then delivers every byte', async () => {
    let backedUp: () => void = () => {};
    const full = new Promise<void>((resolve) => (backedUp = resolve));
    const port = await serve((socket) => {
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      // Writes until the socket reports its buffers full: only a client that stopped reading gets there.
      const pump = (): void => {
        while (socket.write(chunk));
        backedUp();
        socket.once('drain', () => socket.end('\n'));
      };
      pump();
    });
    const connection = await connect(port);
    connection.pauseReading();
    await full;
    connection.resumeReading();
    const text = await connection.read(line, { what: 'everything', timeoutMs: 5000 });
    // Everything the server managed to write while the client was paused arrives, as one run of bytes.
    expect(text.length).toBeGreaterThan(64 * 1024);
    expect(text.length % (64 * 1024)).toBe(0);
    expect(/^a+$/.test(text)).toBe(true);
  });

  it('destroy is idempotent and reported once', async () => {
    const closes: string[] = [];
    const connection = await connect(await serve(() => {}), { onClose: (how) => closes.push(how) });
    expect(connection.isOpen()).toBe(true);
    connection.destroy();
    connection.destroy();
    expect(closes).toEqual(['local']);
    expect(connection.isOpen()).toBe(false);
    await expect(connection.read(line, read)).rejects.toBeInstanceOf(InternalError);
  });
});
