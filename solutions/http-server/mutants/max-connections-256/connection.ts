// Mutant: "protect the server from floods" with `server.maxConnections = 256` — Node then closes every connection
// accepted while 256 are open. Keep-alive clients hold their connections for as long as they like, so the
// 257th concurrent client is turned away however idle the server is; limit work (timeouts, sizes), not clients.
import type { Socket } from 'node:net';
import {
  type ConnectionHandle,
  type ConnectionOptions,
  serveConnection as serveReference,
} from '../../typescript/src/connection.js';

export type { ConnectionHandle, ConnectionOptions };

const MAX_CONNECTIONS = 256;
let open = 0;

export function serveConnection(socket: Socket, options: ConnectionOptions): ConnectionHandle {
  if (open >= MAX_CONNECTIONS) socket.destroy(); // the bug: what Node does past server.maxConnections
  else {
    open++;
    socket.once('close', () => open--);
  }
  return serveReference(socket, options);
}
