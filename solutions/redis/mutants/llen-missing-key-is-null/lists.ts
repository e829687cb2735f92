// Mutant: `if (!list) return NULL_BULK` — LLEN treats a missing key the way GET and LPOP do, with `$-1`, where
// Redis sees an empty list and answers :0.
import type { CommandTable } from '../../typescript/src/commands.js';
import { listCommands as reference } from '../../typescript/src/lists.js';
import { NULL_BULK, integer } from '../../typescript/src/resp-writer.js';

export const listCommands: CommandTable = {
  ...reference,
  llen: {
    arity: 2,
    run: (args, { store }) => {
      const list = store.getList(args[1] as Buffer);
      return list === undefined ? NULL_BULK : integer(list.length); // the bug
    },
  },
};
