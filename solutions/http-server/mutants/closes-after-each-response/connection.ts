// Mutant: the socket is ended right after each response is written, as an HTTP/1.0 server would, yet without
// `Connection: close`. A client that keeps the connection for its next request gets no answer.
import type { Socket } from 'node:net';
import {
  type ConnectionHandle,
  type ConnectionOptions,
  serveConnection as serveReference,
} from '../../typescript/src/connection.js';

export type { ConnectionHandle, ConnectionOptions };

export function serveConnection(socket: Socket, options: ConnectionOptions): ConnectionHandle {
  const write = socket.write.bind(socket) as (bytes: Buffer) => boolean;
  socket.write = ((bytes: Buffer) => {
    const flushed = write(bytes);
    socket.end();
    return flushed;
  }) as Socket['write'];
  return serveReference(socket, options);
}
