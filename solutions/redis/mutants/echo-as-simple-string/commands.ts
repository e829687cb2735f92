// Mutant: ECHO reuses the simple-string helper that PING's +PONG is written with: `+hey\r\n`. redis-cli shows
// "hey" either way, but a simple string is a different type (and cannot carry a CR or LF).
import type { Command } from '../../typescript/src/resp-reader.js';
import { type Reply, simple } from '../../typescript/src/resp-writer.js';
import { type Context, execute as executeReference } from '../../typescript/src/commands.js';

export type { Context };

export function execute(args: Command, context: Context): Reply {
  const reply = executeReference(args, context);
  const isEcho = args[0]?.toString('latin1').toLowerCase() === 'echo';
  return isEcho && reply.kind === 'bulk' && reply.value !== null ? simple(reply.value.toString('latin1')) : reply;
}
