// Mutant: `waiting.get(args[1]).push(client)` — written for `BLPOP key timeout`, BLPOP checks every key it is
// given for an element, but when it has to wait it queues the client under its first key only. A push to any
// other key it named never wakes it.
import { type Waiter, BlockedClients as ReferenceBlockedClients, parseTimeout } from '../../typescript/src/blocking.js';

export { type Waiter, parseTimeout };

export class BlockedClients extends ReferenceBlockedClients {
  override block(waiter: Waiter, timeoutMs: number): void {
    super.block({ ...waiter, keys: waiter.keys.slice(0, 1) }, timeoutMs); // the bug
  }
}
