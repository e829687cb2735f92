// Mutant: `return error(\`ERR unknown command '${name}'\`)` — the command's name, and nothing about its
// arguments. Redis goes on with `, with args beginning with: ` and each argument quoted ('a' 'b' ), which
// clients and tests compare byte for byte. Modelled by cutting the reference's message after the name.
import type { Command } from '../../typescript/src/resp-reader.js';
import { type Reply, error } from '../../typescript/src/resp-writer.js';
import { type CommandSpec, type CommandTable, type Context, type Shared, execute as executeReference } from '../../typescript/src/commands.js';

export type { CommandSpec, CommandTable, Context, Shared };

const UNKNOWN = "ERR unknown command '";

export function execute(args: Command, context: Context): Reply {
  const reply = executeReference(args, context);
  if (reply.kind !== 'error' || !reply.message.toString('latin1').startsWith(UNKNOWN)) return reply;
  return error(Buffer.concat([Buffer.from(UNKNOWN), args[0] as Buffer, Buffer.from("'")])); // the bug
}
