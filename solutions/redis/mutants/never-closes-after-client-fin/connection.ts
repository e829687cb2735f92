// Mutant: the learner set `allowHalfOpen: true` (so that a client's FIN does not cut its replies short) but
// never listens for 'end'. Every reply is sent, and then nothing: the server never closes its side, and the
// client — which is done, and waits for the server to close — waits forever. Each such client leaks a socket.
import type { Socket } from 'node:net';
import type { Context } from '../../typescript/src/commands.js';
import { serveConnection as serveReference } from '../../typescript/src/connection.js';

export function serveConnection(socket: Socket, context: Context): void {
  const on = socket.on.bind(socket) as (event: string, listener: (...args: unknown[]) => void) => Socket;
  socket.on = ((event: string, listener: (...args: unknown[]) => void) =>
    event === 'end' ? socket : on(event, listener)) as Socket['on']; // the bug: no 'end' handler
  serveReference(socket, context);
}
