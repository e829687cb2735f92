// Mutant: `socket.on('end', () => socket.destroy())`, in a server whose command handlers are async (the reply
// is written once an `await` inside the handler resolves). A client that waits for each reply never notices. A
// client that sends its last commands and half-closes at once has its FIN arrive before those replies are
// written, and destroy() throws them away. Modelled by writing each reply 20 ms after its command was read.
import type { Socket } from 'node:net';
import type { Context } from '../../typescript/src/commands.js';
import { serveConnection as serveReference } from '../../typescript/src/connection.js';

const HANDLER_MS = 20;

export function serveConnection(socket: Socket, context: Context): void {
  const write = socket.write.bind(socket) as (bytes: Buffer) => boolean;
  socket.write = ((bytes: Buffer) => {
    setTimeout(() => {
      if (!socket.destroyed) write(bytes);
    }, HANDLER_MS);
    return true;
  }) as Socket['write'];
  socket.end = (() => socket.destroy()) as Socket['end']; // the bug: 'end' is answered with destroy()
  serveReference(socket, context);
}
