// Mutant: one queue for the whole server, `queue = queue.then(() => handle(client, command))`, so that commands
// never interleave, and a BLPOP handler that returns a promise resolved by a push. While a client is blocked the
// queue awaits that promise: no other client is answered, not even the one whose RPUSH would wake it, until the
// BLPOP times out (never, with a timeout of 0). Modelled by holding back every connection's input while a
// client is blocked, and delivering it in arrival order once that client is answered or gone.
import type { Socket } from 'node:net';
import type { Waiter } from '../../typescript/src/blocking.js';
import type { Shared } from '../../typescript/src/commands.js';
import { serveConnection as serveReference } from '../../typescript/src/connection.js';

/** The waiter of the client the queue is awaiting, and the input that arrived behind it. */
let holder: Waiter | undefined;
const queued: (() => void)[] = [];
/** Counts the clients that blocked; the last one is `latest`. */
let blocks = 0;
let latest: Waiter | undefined;
let hooked = false;

export function serveConnection(socket: Socket, shared: Shared): void {
  if (!hooked) {
    hooked = true;
    const block = shared.blocked.block.bind(shared.blocked);
    shared.blocked.block = (waiter, timeoutMs) => {
      blocks++;
      latest = waiter;
      block(waiter, timeoutMs);
    };
  }
  const on = socket.on.bind(socket) as (event: string, listener: (...args: unknown[]) => void) => Socket;
  socket.on = ((event: string, listener: (...args: unknown[]) => void) =>
    on(event, event === 'data' ? (chunk: unknown) => run(() => listener(chunk)) : listener)) as Socket['on'];
  serveReference(socket, shared);
}

function run(deliver: () => void): void {
  if (holder !== undefined) {
    queued.push(deliver); // the bug: everyone waits behind the blocked client
    return;
  }
  const before = blocks;
  deliver();
  if (blocks !== before && latest !== undefined && latest.client.blocked === latest) hold(latest);
}

/** Await the blocked client: until a push (there can be none), its timeout, or its disconnection answers it. */
function hold(waiter: Waiter): void {
  holder = waiter;
  const poll = setInterval(() => {
    if (waiter.client.blocked === waiter) return;
    clearInterval(poll);
    holder = undefined;
    while (holder === undefined && queued.length > 0) run(queued.shift() as () => void);
  }, 1);
}
