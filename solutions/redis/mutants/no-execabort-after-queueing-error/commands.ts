// Mutant: the dispatcher answers an unknown command or a wrong number of arguments with its error before it
// looks at MULTI (`if (!spec) return error(...); if (inMulti) return queue(command)`), and never remembers
// that the transaction had a refused command: EXEC runs what was queued instead of answering EXECABORT.
import type { Command } from '../../typescript/src/resp-reader.js';
import type { Reply } from '../../typescript/src/resp-writer.js';
import { type Context, execute as executeReference } from '../../typescript/src/commands.js';

export type { Context };

export function execute(args: Command, context: Context): Reply {
  const reply = executeReference(args, context);
  if (context.client.transaction !== undefined) context.client.transaction.refused = false; // the bug
  return reply;
}
