// Mutant: `if (existing) existing.value = value; else store.set(key, { value })` — SET overwrites the value of an
// existing key in place, so whatever expiry the key had stays. In Redis a SET without EX/PX/KEEPTTL replaces the
// whole key and clears its TTL. Modelled by making a SET without an expire option behave as SET ... KEEPTTL.
import type { CommandSpec, CommandTable } from '../../typescript/src/commands.js';
import { stringCommands as reference } from '../../typescript/src/strings.js';

const EXPIRE_OPTIONS = new Set(['ex', 'px', 'exat', 'pxat', 'keepttl']);

const set = reference.set as CommandSpec;

export const stringCommands: CommandTable = {
  ...reference,
  set: {
    ...set,
    run(args, context) {
      const expires = args.slice(3).some((word) => EXPIRE_OPTIONS.has(word.toString('latin1').toLowerCase()));
      return set.run(expires ? args : [...args, Buffer.from('KEEPTTL')], context); // the bug
    },
  },
};
