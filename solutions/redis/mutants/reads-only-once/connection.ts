// Mutant: `socket.once('data', handle)` where `on` was meant. The connection stays open, but after the first
// read nothing is parsed any more: the second PING waits forever for its +PONG.
import type { Socket } from 'node:net';
import type { Context } from '../../typescript/src/commands.js';
import { serveConnection as serveReference } from '../../typescript/src/connection.js';

type Listener = (...args: unknown[]) => void;

export function serveConnection(socket: Socket, context: Context): void {
  const on = socket.on.bind(socket) as (event: string, listener: Listener) => Socket;
  socket.on = ((event: string, listener: Listener) => {
    if (event !== 'data') return on(event, listener);
    let done = false; // the bug: the handler runs for the first read only
    return on(event, (...args) => {
      if (done) return;
      done = true;
      listener(...args);
    });
  }) as Socket['on'];
  serveReference(socket, context);
}
