import { createServer } from 'node:net';
import type { Context } from './commands.js';
import { serveConnection } from './connection.js';
import { Store } from './store.js';

export interface ServerOptions {
  host: string;
  /** 0 picks a free port; RunningServer.port tells which. */
  port: number;
}

export interface RunningServer {
  readonly port: number;
  /** Stop accepting connections. */
  close(): void;
}

/** Listen for clients; they all share one keyspace, which lives as long as the process. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const context: Context = { store: new Store() };

  // allowHalfOpen: a client may send its commands and then shut down its sending side (`nc -N`, a script
  // piping into the socket); it still deserves the replies, so a received FIN must not close our side at once.
  // The connection ends it once everything is answered.
  const listener = createServer({ allowHalfOpen: true }, (socket) => serveConnection(socket, context));

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
