// Mutant: `return simple(store.get(key) === undefined ? 'none' : 'string')` — TYPE was written when strings were
// the only kind of value, and was not revisited when lists came: a key holding a list is reported as +string.
import type { CommandTable } from '../../typescript/src/commands.js';
import { keyCommands as reference } from '../../typescript/src/keys.js';
import { simple } from '../../typescript/src/resp-writer.js';

export const keyCommands: CommandTable = {
  ...reference,
  type: { arity: 2, run: (args, { store }) => simple(store.get(args[1] as Buffer) === undefined ? 'none' : 'string') }, // the bug
};
