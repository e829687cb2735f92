// Mutant: `if (entry?.expiresAt === undefined) return -1` — "no expiry to report" is -1, whether the key has no
// expiry or there is no key at all. Redis tells the two apart: -1 for a key without expiry, -2 for a missing key.
import type { Command } from '../../typescript/src/resp-reader.js';
import { integer } from '../../typescript/src/resp-writer.js';
import type { CommandTable, Context } from '../../typescript/src/commands.js';
import { keyCommands as reference } from '../../typescript/src/keys.js';

function ttl(args: Command, { store }: Context, unit: 'seconds' | 'milliseconds') {
  const entry = store.get(args[1] as Buffer);
  if (entry?.expiresAt === undefined) return integer(-1); // the bug: a missing key too
  const left = Math.max(0, entry.expiresAt - store.now());
  return integer(unit === 'milliseconds' ? left : Math.floor((left + 500) / 1000));
}

export const keyCommands: CommandTable = {
  ...reference,
  ttl: { arity: 2, run: (args, context) => ttl(args, context, 'seconds') },
  pttl: { arity: 2, run: (args, context) => ttl(args, context, 'milliseconds') },
};
