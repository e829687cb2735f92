// Mutant: EXEC is `try { for (const run of queue) replies.push(run()) } catch (e) { return error(e.message) }`
// with handlers that throw their errors. The commands before the failing one ran, the failing one's error is
// EXEC's whole answer, and the commands after it are never run. Redis puts each error in its place in the
// array and goes on with the next command.
import { CommandError } from '../../typescript/src/errors.js';
import { Watches, transactionCommands as reference } from '../../typescript/src/transactions.js';

export { Watches };

export const transactionCommands: typeof reference = {
  ...reference,
  exec: {
    ...reference.exec,
    run(args, context) {
      const transaction = context.client.transaction;
      if (transaction !== undefined) {
        transaction.queued = transaction.queued.map((run) => () => {
          const reply = run();
          if (reply.kind === 'error') throw new CommandError(reply.message.toString('latin1')); // the bug
          return reply;
        });
      }
      return reference.exec.run(args, context);
    },
  },
};
