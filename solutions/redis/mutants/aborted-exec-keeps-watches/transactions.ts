// Mutant: EXEC is `if (dirty(client)) return NULL_ARRAY; ...run the queue...; client.watched.clear()`: the
// early return on the abort path skips the clear. After an aborted transaction the connection still watches
// the key, still marked written, so its next transaction aborts as well, though it watched nothing.
import { NULL_ARRAY } from '../../typescript/src/resp-writer.js';
import { Watches, transactionCommands as reference } from '../../typescript/src/transactions.js';

export { Watches };

export const transactionCommands: typeof reference = {
  ...reference,
  exec: {
    ...reference.exec,
    run(args, context) {
      const { client, watches } = context;
      const [watched, changed] = [[...client.watched], client.watchedKeyChanged];
      const reply = reference.exec.run(args, context);
      if (reply === NULL_ARRAY) {
        for (const name of watched) watches.watch(client, name); // the bug: the abort path keeps the watches
        client.watchedKeyChanged = changed;
      }
      return reply;
    },
  },
};
