// Mutant: PUBLISH does `for (const sub of subscribers) if (!sub.socket.write(msg)) await once(sub.socket, 'drain')`
// before answering, in a server that handles one command at a time (an async queue, for atomicity). While every
// subscriber reads, 'drain' comes at once and nothing shows. A subscriber that stops reading never drains: the
// publisher waits for ever, and every command behind it. Modelled by one queue for all the server's writes,
// each made once the previous one's socket has drained.
import type { Socket } from 'node:net';
import type { Context } from '../../typescript/src/commands.js';
import { serveConnection as serveReference } from '../../typescript/src/connection.js';

let queue: Promise<void> = Promise.resolve();

function then(step: () => Promise<void> | void): void {
  queue = queue.then(step).catch(() => undefined);
}

/** Resolves on 'drain' (or when the socket closes, which ends the wait too). */
function drained(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}

export function serveConnection(socket: Socket, context: Context): void {
  const write = socket.write.bind(socket) as (bytes: Buffer) => boolean;
  const end = socket.end.bind(socket) as () => Socket;
  socket.write = ((bytes: Buffer) => {
    then(async () => {
      if (socket.destroyed || socket.writableEnded) return;
      if (!write(bytes)) await drained(socket); // the bug: nothing else is written until this socket drains
    });
    return true;
  }) as Socket['write'];
  socket.end = (() => {
    then(() => {
      end();
    });
    return socket;
  }) as Socket['end'];
  serveReference(socket, context);
}
