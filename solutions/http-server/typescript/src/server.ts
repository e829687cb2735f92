import { createServer } from 'node:net';
import { type ConnectionHandle, type ConnectionOptions, serveConnection } from './connection.js';

export interface ServerOptions extends ConnectionOptions {
  host: string;
  /** 0 picks a free port; RunningServer.port tells which. */
  port: number;
}

export interface RunningServer {
  readonly port: number;
  /** Stop accepting, let requests in flight finish, close idle connections; settles when all are closed. */
  shutdown(): Promise<void>;
}

/** In-flight requests get this long to finish after shutdown begins; then remaining sockets are cut. */
const SHUTDOWN_GRACE_MS = 4000;

/**
 * Pending connections the kernel may queue before we accept them. Node's default (511) is enough for the
 * 500 clients of the load test, but with no margin when they all connect in the same instant.
 */
const BACKLOG = 1024;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const connections = new Set<ConnectionHandle>();

  // allowHalfOpen: a client may send its request and then shut down its sending side (`nc -N`, some
  // proxies); it still deserves the response, so a received FIN must not close our side. Connection decides.
  const listener = createServer({ allowHalfOpen: true }, (socket) => {
    const connection = serveConnection(socket, options);
    connections.add(connection);
    void connection.closed.then(() => connections.delete(connection));
  });

  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen({ host: options.host, port: options.port, backlog: BACKLOG }, () => {
      listener.off('error', reject);
      resolve();
    });
  });
  // Failing to accept one connection (out of file descriptors, say) must not take down the others.
  listener.on('error', (error) => console.error('accept failed:', error));
  const address = listener.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;

  return {
    port,
    async shutdown() {
      // Closing the listening socket at once makes new connection attempts fail fast (refused) instead
      // of queueing behind a server that is going away.
      listener.close();
      for (const connection of connections) connection.shutdown();
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)));
      await Promise.race([Promise.all([...connections].map((connection) => connection.closed)), graceOver]);
      clearTimeout(timer);
      for (const connection of connections) connection.destroy();
    },
  };
}
