import { createServer } from 'node:net';
import { Room } from './room.js';
import { startSession } from './session.js';

export interface ServerOptions {
  host: string;
  /** 0 picks a free port; RunningServer.port tells which. */
  port: number;
}

export interface RunningServer {
  readonly port: number;
  /** Stop accepting connections (the ones already open go on). */
  close(): void;
}

/** Listen for clients; every client that connects shares the one room, which lives as long as the process. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const room = new Room();
  // noDelay: a chat line is small and should leave at once; Nagle's algorithm would hold it back waiting for an
  // acknowledgement of the previous one.
  const listener = createServer({ noDelay: true }, (socket) => startSession(socket, room));

  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen({ host: options.host, port: options.port }, () => {
      listener.off('error', reject);
      resolve();
    });
  });
  // Failing to accept one connection (out of file descriptors, say) must not take down the others.
  listener.on('error', (failure) => console.error('accept failed:', failure));
  const address = listener.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return { port, close: () => listener.close() };
}
