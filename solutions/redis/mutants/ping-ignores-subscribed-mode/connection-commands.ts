// Mutant: PING was written in the first stage, `return args.length === 2 ? bulk(args[1]) : '+PONG'`, and was not
// revisited for pub/sub: a subscribed connection gets +PONG (or a bulk string) where Redis answers
// `*2 $4 pong $<len> <message>`, in the shape of the messages that connection receives.
import { CommandError } from '../../typescript/src/errors.js';
import { connectionCommands as reference } from '../../typescript/src/connection-commands.js';
import { bulk, simple } from '../../typescript/src/resp-writer.js';

export const connectionCommands: typeof reference = {
  ...reference,
  ping: {
    ...reference.ping,
    run(args) {
      if (args.length > 2) throw new CommandError("ERR wrong number of arguments for 'ping' command");
      return args.length === 2 ? bulk(args[1] as Buffer) : simple('PONG'); // the bug: subscribed or not
    },
  },
};
