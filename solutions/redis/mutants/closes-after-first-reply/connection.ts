// Mutant: the learner's first data handler was `socket.write('+PONG\r\n'); socket.end()`, and the end() stayed.
// One PING per connection works; the second command on the same connection finds it closed.
import type { Socket } from 'node:net';
import type { Context } from '../../typescript/src/commands.js';
import { serveConnection as serveReference } from '../../typescript/src/connection.js';

export function serveConnection(socket: Socket, context: Context): void {
  const write = socket.write.bind(socket) as (bytes: Buffer) => boolean;
  socket.write = ((bytes: Buffer) => {
    const flushed = write(bytes);
    socket.end(); // the bug
    return flushed;
  }) as Socket['write'];
  serveReference(socket, context);
}
