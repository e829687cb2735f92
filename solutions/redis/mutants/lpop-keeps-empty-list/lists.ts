// Mutant: `return bulk(list.shift())` — the element is removed, but the list it leaves empty stays in the map, so
// EXISTS still counts the key and TYPE still says list; an empty list is treated as missing only by LPOP itself.
import type { CommandTable, Context } from '../../typescript/src/commands.js';
import { listCommands as reference } from '../../typescript/src/lists.js';
import type { Command } from '../../typescript/src/resp-reader.js';
import { NULL_BULK, type Reply, bulk } from '../../typescript/src/resp-writer.js';

export const listCommands: CommandTable = { ...reference, lpop: { arity: -2, run: lpop } };

function lpop(args: Command, context: Context): Reply {
  if (args.length !== 2) return reference.lpop?.run(args, context) ?? NULL_BULK; // with a count: not this stage's
  const key = args[1] as Buffer;
  const first = context.store.getList(key)?.shift();
  if (first === undefined) return NULL_BULK;
  context.store.changed(key); // the bug: no `if (list.length === 0) store.delete(key)`
  return bulk(first);
}
