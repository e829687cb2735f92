// Mutant: `for (const key of new Set(keys)) if (store.has(key)) count++` — the keys are deduplicated first, as
// for DEL (where a key named twice is indeed deleted once). But EXISTS counts every argument: `EXISTS k k` is 2.
import type { Command } from '../../typescript/src/resp-reader.js';
import { integer } from '../../typescript/src/resp-writer.js';
import type { CommandTable } from '../../typescript/src/commands.js';
import { keyCommands as reference } from '../../typescript/src/keys.js';

export const keyCommands: CommandTable = {
  ...reference,
  exists: {
    arity: -2,
    run(args: Command, { store }) {
      const distinct = new Map(args.slice(1).map((key) => [key.toString('latin1'), key])); // the bug
      let found = 0;
      for (const key of distinct.values()) if (store.get(key) !== undefined) found++;
      return integer(found);
    },
  },
};
