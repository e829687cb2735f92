// Mutant: `return popped.length === 1 ? bulk(popped[0]) : bulkArray(popped)` — the reply's shape follows how many
// elements came out, not whether a count was given: `LPOP k 1` answers a bare bulk string where Redis sends an
// array of one. Modelled by answering `LPOP k 1` as `LPOP k`.
import type { CommandTable } from '../../typescript/src/commands.js';
import { parseInt64 } from '../../typescript/src/integer.js';
import { listCommands as reference } from '../../typescript/src/lists.js';
import { NULL_BULK } from '../../typescript/src/resp-writer.js';

export const listCommands: CommandTable = {
  ...reference,
  lpop: {
    arity: -2,
    run: (args, context) => {
      const one = args.length === 3 && parseInt64(args[2] as Buffer) === 1n;
      return reference.lpop?.run(one ? args.slice(0, 2) : args, context) ?? NULL_BULK; // the bug
    },
  },
};
