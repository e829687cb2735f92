// Mutant: GET answers `store.get(key) ?? ''`: a missing key is the empty string `$0\r\n\r\n`, not the null bulk
// string `$-1\r\n`. A client can no longer tell a missing key from one set to "".
import type { Command } from '../../typescript/src/resp-reader.js';
import { type Reply, bulk } from '../../typescript/src/resp-writer.js';
import { type Context, execute as executeReference } from '../../typescript/src/commands.js';

export type { Context };

export function execute(args: Command, context: Context): Reply {
  const reply = executeReference(args, context);
  return reply.kind === 'bulk' && reply.value === null ? bulk('') : reply; // the bug
}
