// Mutant: SET's option loop is a chain of `if (word === 'nx') ... else if (word === 'px') ...` with no final
// `else` — a word it does not know is skipped. `SET k v FOO` then stores v and answers +OK, where Redis
// refuses the whole command with -ERR syntax error and stores nothing. Modelled by dropping unknown words.
import type { CommandSpec, CommandTable } from '../../typescript/src/commands.js';
import { stringCommands as reference } from '../../typescript/src/strings.js';

const FLAGS = new Set(['nx', 'xx', 'get', 'keepttl']);
const WITH_ARGUMENT = new Set(['ex', 'px', 'exat', 'pxat']);

const set = reference.set as CommandSpec;

export const stringCommands: CommandTable = {
  ...reference,
  set: {
    ...set,
    run(args, context) {
      const known = args.slice(0, 3);
      for (let i = 3; i < args.length; i++) {
        const word = (args[i] as Buffer).toString('latin1').toLowerCase();
        if (FLAGS.has(word)) known.push(args[i] as Buffer);
        else if (WITH_ARGUMENT.has(word)) known.push(...args.slice(i, ++i + 1)); // the option and its number
        // else: the bug, an unknown word is ignored
      }
      return set.run(known, context);
    },
  },
};
