// Mutant: `list.slice(start, stop + 1)` and nothing more. Every positive case works, since slice clamps a stop
// past the end and gives [] when start > stop; but a negative stop is never made length + stop, so
// `LRANGE k 0 -1` becomes slice(0, 0): the empty array instead of the whole list.
import type { CommandTable, Context } from '../../typescript/src/commands.js';
import { CommandError, NOT_AN_INTEGER } from '../../typescript/src/errors.js';
import { parseInt64 } from '../../typescript/src/integer.js';
import { listCommands as reference } from '../../typescript/src/lists.js';
import type { Command } from '../../typescript/src/resp-reader.js';
import { EMPTY_ARRAY, type Reply, bulkArray } from '../../typescript/src/resp-writer.js';

export const listCommands: CommandTable = { ...reference, lrange: { arity: 4, run: lrange } };

function lrange(args: Command, { store }: Context): Reply {
  const start = index(args[2] as Buffer);
  const stop = index(args[3] as Buffer);
  const list = store.getList(args[1] as Buffer);
  if (list === undefined) return EMPTY_ARRAY;
  return bulkArray(list.slice(start, stop + 1)); // the bug: no `if (stop < 0) stop += list.length`
}

function index(argument: Buffer): number {
  const value = parseInt64(argument);
  if (value === undefined) throw new CommandError(NOT_AN_INTEGER);
  return Number(value);
}
