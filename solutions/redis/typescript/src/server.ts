import { createServer } from 'node:net';
import { BlockedClients } from './blocking.js';
import type { Shared } from './commands.js';
import type { Settings } from './config-get.js';
import { serveConnection } from './connection.js';
import { startActiveExpiry } from './expiry.js';
import { Channels } from './pubsub.js';
import { Store } from './store.js';
import { Watches } from './transactions.js';

export interface ServerOptions {
  host: string;
  /** 0 picks a free port; RunningServer.port tells which. */
  port: number;
  /** The keyspace to serve, already loaded from the RDB file; a new empty one by default. */
  store?: Store;
  /** What CONFIG GET reports for dir and dbfilename (port is filled in). */
  settings?: Omit<Settings, 'port'>;
}

export interface RunningServer {
  readonly port: number;
  /** Stop accepting connections, and stop the background expiry. */
  close(): void;
}

/** Listen for clients; they all share one keyspace, which lives as long as the process. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = options.store ?? new Store();
  const blocked = new BlockedClients();
  const watches = new Watches();
  // Every write to a key reaches these two: a WATCH on it is broken, and clients blocked on it may be served.
  store.onChange((name) => watches.keyChanged(name));
  store.onChange((name) => blocked.keyChanged(name));
  const settings: Settings = { dir: process.cwd(), dbfilename: 'dump.rdb', ...options.settings, port: options.port };
  const shared: Shared = { store, blocked, watches, channels: new Channels(), settings };

  // allowHalfOpen: a client may send its commands and then shut down its sending side (`nc -N`, a script
  // piping into the socket); it still deserves the replies, so a received FIN must not close our side at once.
  // The connection ends it once everything is answered.
  const listener = createServer({ allowHalfOpen: true }, (socket) => serveConnection(socket, shared));

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
  settings.port = port;
  const stopExpiry = startActiveExpiry(store);

  return {
    port,
    close: () => {
      stopExpiry();
      listener.close();
    },
  };
}
