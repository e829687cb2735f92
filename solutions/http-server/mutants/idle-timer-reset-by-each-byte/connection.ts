// Mutant: the learner implements --idle-timeout with Node's `socket.setTimeout(ms)`, an inactivity timer that
// restarts whenever a byte moves. A silent connection is closed on time, but one byte every 200 ms keeps an
// unfinished request alive forever — slowloris. The deadline must be set once per request, not per byte.
import type { Socket } from 'node:net';
import {
  type ConnectionHandle,
  type ConnectionOptions,
  serveConnection as serveReference,
} from '../../typescript/src/connection.js';

export type { ConnectionHandle, ConnectionOptions };

/** A day: the reference's own per-request deadline never fires, only the socket's inactivity timer does. */
const NO_DEADLINE_MS = 86_400_000;

export function serveConnection(socket: Socket, options: ConnectionOptions): ConnectionHandle {
  socket.setTimeout(options.idleTimeoutMs, () => socket.destroy()); // the bug: reset by every byte received
  return serveReference(socket, { ...options, idleTimeoutMs: NO_DEADLINE_MS });
}
