// Mutant: clients get one of 64 slots (`const clients = new Array(64)`, the size a worker pool or a select()-style
// table was given), and a connection that finds none free is told so and closed, as redis-server does past its
// `maxclients`. Any handful of clients works; the 65th at once does not — and Redis's default limit is 10,000.
import type { Socket } from 'node:net';
import type { Shared } from '../../typescript/src/commands.js';
import { serveConnection as serveReference } from '../../typescript/src/connection.js';

const SLOTS = 64;
let connected = 0;

export function serveConnection(socket: Socket, shared: Shared): void {
  if (connected >= SLOTS) {
    socket.on('error', () => {});
    socket.end('-ERR max number of clients reached\r\n'); // the bug
    return;
  }
  connected++;
  socket.once('close', () => connected--);
  serveReference(socket, shared);
}
