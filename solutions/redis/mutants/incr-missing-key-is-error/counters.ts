// Mutant: `const current = parseInt64(store.getString(key) ?? '')` — no special case for a missing key, whose
// value then fails to parse: INCR of a new key answers "not an integer" where Redis counts from 0 (INCR → 1).
import { CommandError, NOT_AN_INTEGER } from '../../typescript/src/errors.js';
import type { CommandSpec, CommandTable } from '../../typescript/src/commands.js';
import { counterCommands as reference } from '../../typescript/src/counters.js';

function withoutDefault(spec: CommandSpec): CommandSpec {
  return {
    ...spec,
    run(args, context) {
      if (context.store.getString(args[1] as Buffer) === undefined) throw new CommandError(NOT_AN_INTEGER); // the bug
      return spec.run(args, context);
    },
  };
}

export const counterCommands: CommandTable = Object.fromEntries(
  Object.entries(reference).map(([name, spec]) => [name, withoutDefault(spec)]),
);
