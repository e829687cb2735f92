// Mutant: connections are served strictly one after another. The next accepted socket is not read until the
// previous one has closed, like an accept loop that handles each client inline instead of concurrently.
import type { Socket } from 'node:net';
import {
  type ConnectionHandle,
  type ConnectionOptions,
  serveConnection as serveConcurrently,
} from '../../typescript/src/connection.js';

export type { ConnectionHandle, ConnectionOptions };

let previous: Promise<void> = Promise.resolve();

export function serveConnection(socket: Socket, options: ConnectionOptions): ConnectionHandle {
  socket.on('error', () => {}); // a queued client may reset before its turn
  let served: ConnectionHandle | undefined;
  const closed = previous.then(() => {
    if (socket.destroyed) return;
    served = serveConcurrently(socket, options);
    return served.closed;
  });
  previous = closed;
  return {
    closed,
    shutdown: () => (served === undefined ? socket.destroy() : served.shutdown()),
    destroy: () => socket.destroy(),
  };
}
