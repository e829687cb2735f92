// Mutant: shutdown is just `server.close()`, which stops accepting and then waits for every open connection to
// end by itself. A keep-alive client sitting idle never ends it, so the process lingers until some timeout
// cuts the socket. Idle connections must be closed at once (RFC 9112 §9.5 allows it any time).
import type { Socket } from 'node:net';
import {
  type ConnectionHandle,
  type ConnectionOptions,
  serveConnection as serveReference,
} from '../../typescript/src/connection.js';

export type { ConnectionHandle, ConnectionOptions };

export function serveConnection(socket: Socket, options: ConnectionOptions): ConnectionHandle {
  const connection = serveReference(socket, options);
  return { closed: connection.closed, shutdown: () => {}, destroy: () => connection.destroy() }; // the bug: no-op
}
