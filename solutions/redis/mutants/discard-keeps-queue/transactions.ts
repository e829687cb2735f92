// Mutant: the connection has `inMulti` and `queue`; DISCARD does `inMulti = false` but not `queue = []`, and
// EXEC is what empties the queue. The discarded commands do not run at DISCARD, but they are still queued when
// the next MULTI starts, and its EXEC runs them first.
import type { Client } from '../../typescript/src/client.js';
import { Watches, transactionCommands as reference } from '../../typescript/src/transactions.js';

export { Watches };

type Queue = NonNullable<Client['transaction']>['queued'];
const leftOver = new WeakMap<Client, Queue>();

export const transactionCommands: typeof reference = {
  ...reference,
  multi: {
    ...reference.multi,
    run(args, context) {
      const reply = reference.multi.run(args, context);
      const queue = leftOver.get(context.client);
      if (queue !== undefined) context.client.transaction?.queued.push(...queue); // the old queue is still there
      leftOver.delete(context.client);
      return reply;
    },
  },
  discard: {
    ...reference.discard,
    run(args, context) {
      const queue = context.client.transaction?.queued;
      const reply = reference.discard.run(args, context);
      if (queue !== undefined) leftOver.set(context.client, queue); // the bug: the queue is not emptied
      return reply;
    },
  },
};
