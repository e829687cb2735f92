// Mutant: `return bulk(entry?.type ?? 'none')` — TYPE answers with the writer GET uses, `$6\r\nstring\r\n`,
// where Redis sends a simple string, `+string\r\n`. A client library that decodes both to "string" never notices.
import { bulk } from '../../typescript/src/resp-writer.js';
import type { CommandTable } from '../../typescript/src/commands.js';
import { keyCommands as reference } from '../../typescript/src/keys.js';

export const keyCommands: CommandTable = {
  ...reference,
  type: { arity: 2, run: (args, { store }) => bulk(store.get(args[1] as Buffer)?.type ?? 'none') }, // the bug
};
