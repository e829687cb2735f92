// Mutant: `setTimeout(() => reply(NULL_ARRAY), seconds * 1000)`, armed whatever the timeout, without
// `if (seconds > 0)`. A timeout of 0, which Redis reads as "wait for ever", becomes a delay of 0, which Node runs
// after 1 ms: `BLPOP k 0` on an empty list answers *-1 almost at once instead of waiting for a push.
import { type Waiter, BlockedClients as ReferenceBlockedClients, parseTimeout } from '../../typescript/src/blocking.js';

export { type Waiter, parseTimeout };

export class BlockedClients extends ReferenceBlockedClients {
  override block(waiter: Waiter, timeoutMs: number): void {
    super.block(waiter, Math.max(timeoutMs, 1)); // the bug: setTimeout(fn, 0) fires after 1 ms
  }
}
