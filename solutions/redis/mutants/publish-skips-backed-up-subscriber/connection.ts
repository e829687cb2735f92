// Mutant: a pushed message is not written to a subscriber whose socket already holds more than Node's buffer
// (`if (socket.writableNeedDrain) continue`): it is dropped, and the subscriber, once it reads again, finds a
// gap in the middle of its stream with nothing to tell it. Redis disconnects such a subscriber instead.
// (The receivers count is unchanged by the skip, unlike the learner's loop: the stage sees the gap first.)
import type { Socket } from 'node:net';
import type { Context } from '../../typescript/src/commands.js';
import { serveConnection as serveReference } from '../../typescript/src/connection.js';
import { publishing } from './pubsub.js';

export function serveConnection(socket: Socket, context: Context): void {
  const write = socket.write.bind(socket) as (bytes: Buffer) => boolean;
  socket.write = ((bytes: Buffer) => {
    if (publishing && socket.writableNeedDrain) return false; // the bug: a backed-up subscriber is skipped
    return write(bytes);
  }) as Socket['write'];
  serveReference(socket, context);
}
