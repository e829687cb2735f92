// Mutant: EXEC checks the watched keys but never clears them (`client.watched` is emptied by UNWATCH only), so
// the watches outlive the transaction: a write after EXEC still aborts the connection's next transaction, which
// watched nothing. Redis unwatches everything at every EXEC, whether it ran or aborted.
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
      for (const name of watched) watches.watch(client, name); // the bug: the watches survive EXEC
      client.watchedKeyChanged = changed;
      return reply;
    },
  },
};
