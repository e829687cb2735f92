// Mutant: `list.slice(start, stop)` — JavaScript's slice excludes its end, Redis's LRANGE includes its stop, and
// the `+ 1` was forgotten: `LRANGE k 0 2` answers two elements, `LRANGE k 1 1` none.
import type { CommandTable, Context } from '../../typescript/src/commands.js';
import { CommandError, NOT_AN_INTEGER } from '../../typescript/src/errors.js';
import { parseInt64 } from '../../typescript/src/integer.js';
import { listCommands as reference } from '../../typescript/src/lists.js';
import type { Command } from '../../typescript/src/resp-reader.js';
import { EMPTY_ARRAY, type Reply, bulkArray } from '../../typescript/src/resp-writer.js';

export const listCommands: CommandTable = { ...reference, lrange: { arity: 4, run: lrange } };

function lrange(args: Command, { store }: Context): Reply {
  let start = index(args[2] as Buffer);
  let stop = index(args[3] as Buffer);
  const list = store.getList(args[1] as Buffer);
  if (list === undefined) return EMPTY_ARRAY;
  if (start < 0) start += list.length;
  if (stop < 0) stop += list.length;
  return bulkArray(list.slice(Math.max(start, 0), stop)); // the bug: stop + 1
}

function index(argument: Buffer): number {
  const value = parseInt64(argument);
  if (value === undefined) throw new CommandError(NOT_AN_INTEGER);
  return Number(value);
}
