// Mutant: `error(\`ERR wrong number of arguments for '${args[0]}' command\`)` — the name as the client spelled
// it. Commands are looked up case-insensitively, but Redis names the command in its error by its canonical,
// lower-case name: `GET` and `gEt` both get "for 'get' command". Modelled by putting the sent name back.
import type { Command } from '../../typescript/src/resp-reader.js';
import { type Reply, error } from '../../typescript/src/resp-writer.js';
import { type CommandSpec, type CommandTable, type Context, type Shared, execute as executeReference } from '../../typescript/src/commands.js';

export type { CommandSpec, CommandTable, Context, Shared };

export function execute(args: Command, context: Context): Reply {
  const reply = executeReference(args, context);
  const name = (args[0] as Buffer).toString('latin1');
  const canonical = `'${name.toLowerCase()}' command`;
  if (reply.kind !== 'error') return reply;
  const message = reply.message.toString('latin1');
  if (!message.startsWith('ERR wrong number of arguments') || !message.endsWith(canonical)) return reply;
  return error(`${message.slice(0, -canonical.length)}'${name}' command`); // the bug
}
