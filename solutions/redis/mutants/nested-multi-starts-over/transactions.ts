// Mutant: MULTI is `client.inMulti = true; client.queue = []; return '+OK'`, with no check that a transaction
// is already open. A nested MULTI is answered +OK instead of -ERR MULTI calls can not be nested, and the
// commands queued before it are lost.
import { Watches, transactionCommands as reference } from '../../typescript/src/transactions.js';
import { OK } from '../../typescript/src/resp-writer.js';

export { Watches };

export const transactionCommands: typeof reference = {
  ...reference,
  multi: {
    ...reference.multi,
    run(_args, { client }) {
      client.transaction = { queued: [], refused: false }; // the bug: no "already in MULTI" check
      return OK;
    },
  },
};
