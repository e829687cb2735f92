// Mutant: `list.unshift(...values)` — one call inserts all the values at the head as a block, in the order given,
// where Redis pushes them one after the other: `LPUSH k b c` on [a] makes [b, c, a], not [c, b, a]. One value at
// a time, as every earlier stage pushed, looks right.
import type { CommandTable, Context } from '../../typescript/src/commands.js';
import { listCommands as reference } from '../../typescript/src/lists.js';
import type { Command } from '../../typescript/src/resp-reader.js';
import { type Reply, integer } from '../../typescript/src/resp-writer.js';

export const listCommands: CommandTable = { ...reference, lpush: { arity: -3, run: lpush } };

function lpush(args: Command, { store }: Context): Reply {
  const [, key, ...values] = args as [Buffer, Buffer, ...Buffer[]];
  const list = store.getList(key);
  if (list === undefined) {
    store.set(key, { type: 'list', value: values }); // the bug, on a new list
    return integer(values.length);
  }
  list.unshift(...values); // the bug
  store.changed(key);
  return integer(list.length);
}
