// Mutant: `return bulk(settings[name])` — CONFIG GET answered like GET, with the value alone. Redis answers an
// array of name/value pairs (`*2 $3 dir $4 /tmp`), because a pattern such as `CONFIG GET d*` can match several.
import { NULL_BULK } from '../../typescript/src/resp-writer.js';
import type { CommandSpec, CommandTable } from '../../typescript/src/commands.js';
import { type Settings, configCommands as reference } from '../../typescript/src/config-get.js';

export type { Settings };

const config = reference.config as CommandSpec;
const get = config.subcommands?.get as CommandSpec;

export const configCommands: CommandTable = {
  config: {
    ...config,
    subcommands: {
      get: {
        ...get,
        run(args, context) {
          const reply = get.run(args, context);
          if (reply.kind !== 'array' || reply.items === null) return reply;
          return reply.items[1] ?? NULL_BULK; // the bug: the first value, without its name
        },
      },
    },
  },
};
