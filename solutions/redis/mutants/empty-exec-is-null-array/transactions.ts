// Mutant: EXEC starts with `if (client.queue.length === 0) return '*-1\r\n'`, "nothing to run". But *-1 is the
// null array, the answer of a transaction aborted by WATCH; a transaction that ran its zero commands answers
// the empty array *0\r\n.
import { Watches, transactionCommands as reference } from '../../typescript/src/transactions.js';
import { NULL_ARRAY } from '../../typescript/src/resp-writer.js';

export { Watches };

export const transactionCommands: typeof reference = {
  ...reference,
  exec: {
    ...reference.exec,
    run(args, context) {
      const empty = context.client.transaction?.queued.length === 0;
      const reply = reference.exec.run(args, context);
      return empty && reply.kind === 'array' && reply.items?.length === 0 ? NULL_ARRAY : reply; // the bug
    },
  },
};
