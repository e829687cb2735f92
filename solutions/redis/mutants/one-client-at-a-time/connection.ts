// Mutant: connections are served strictly one after another, like an accept loop that handles each client inline
// (`for { conn := ln.Accept(); handle(conn) }` without `go`). The next socket is not read until the previous
// one has closed, so while one client stays connected and silent, every other client waits.
import type { Socket } from 'node:net';
import type { Context } from '../../typescript/src/commands.js';
import { serveConnection as serveReference } from '../../typescript/src/connection.js';

let previous: Promise<void> = Promise.resolve();

export function serveConnection(socket: Socket, context: Context): void {
  socket.on('error', () => {}); // a queued client may reset before its turn
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const turn = previous.then(() => {
    if (!socket.destroyed) serveReference(socket, context);
    return closed;
  });
  previous = turn;
}
