// Mutant: PING is answered through the same bulk-string helper as ECHO (`$4\r\nPONG\r\n`). redis-cli prints both
// as PONG, so the learner never sees the difference; a RESP client does: +PONG is a simple string.
import type { Command } from '../../typescript/src/resp-reader.js';
import { type Reply, bulk } from '../../typescript/src/resp-writer.js';
import { type Context, execute as executeReference } from '../../typescript/src/commands.js';

export type { Context };

export function execute(args: Command, context: Context): Reply {
  const reply = executeReference(args, context);
  return reply.kind === 'simple' && reply.text === 'PONG' ? bulk('PONG') : reply; // the bug
}
