// Mutant: no `socket.on('close', () => removeWaiter(client))` — a client that disconnects while blocked in BLPOP
// keeps its place in the key's queue. The next push pops an element for it, writes the reply to a closed socket,
// and the element is lost; every later waiter gets the element meant for the one before.
import { type Waiter, BlockedClients as ReferenceBlockedClients, parseTimeout } from '../../typescript/src/blocking.js';
import type { Client } from '../../typescript/src/client.js';

export { type Waiter, parseTimeout };

export class BlockedClients extends ReferenceBlockedClients {
  override forget(_client: Client): void {} // the bug
}
