// Mutant: `const n = Number(text); if (!Number.isInteger(n)) throw notAnInteger` — JavaScript's Number() is far
// more lenient than Redis's string2ll(): it trims spaces (" 1"), accepts leading zeros ("01"), a plus sign ("+5"),
// hex ("0x10"), exponents ("1e3"), and reads the empty string as 0. Modelled by rewriting a stored value that
// Number() accepts (and Redis does not) into the integer Number() sees, before the reference increments it.
import type { CommandSpec, CommandTable } from '../../typescript/src/commands.js';
import { counterCommands as reference } from '../../typescript/src/counters.js';
import { parseInt64 } from '../../typescript/src/integer.js';

function lenient(spec: CommandSpec): CommandSpec {
  return {
    ...spec,
    run(args, context) {
      const { store } = context;
      const key = args[1] as Buffer;
      const text = store.getString(key);
      const asNumber = text === undefined ? Number.NaN : Number(text.toString('latin1')); // the bug
      if (text !== undefined && parseInt64(text) === undefined && Number.isSafeInteger(asNumber)) {
        const expiresAt = store.get(key)?.expiresAt;
        const value = Buffer.from(String(asNumber));
        store.set(key, expiresAt === undefined ? { type: 'string', value } : { type: 'string', value, expiresAt });
      }
      return spec.run(args, context);
    },
  };
}

export const counterCommands: CommandTable = Object.fromEntries(
  Object.entries(reference).map(([name, spec]) => [name, lenient(spec)]),
);
