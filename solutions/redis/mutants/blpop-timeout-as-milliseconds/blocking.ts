// Mutant: `setTimeout(() => reply(NULL_ARRAY), Number(timeout))` — the `* 1000` is missing: BLPOP's timeout is in
// seconds, setTimeout's delay in milliseconds. `BLPOP k 0.3` gives up after 0.3 ms (Node makes it 1 ms) instead
// of 300 ms. A timeout of 0 still means no limit, so `BLPOP k 0` is right.
import { type Waiter, BlockedClients, parseTimeout as parseSeconds } from '../../typescript/src/blocking.js';

export { type Waiter, BlockedClients };

/** The timeout, in milliseconds as the rest of the server expects. */
export function parseTimeout(argument: Buffer): number {
  const milliseconds = parseSeconds(argument);
  return Math.ceil(milliseconds / 1000); // the bug: the number of seconds, used as milliseconds
}
