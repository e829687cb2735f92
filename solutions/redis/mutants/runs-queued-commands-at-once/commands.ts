// Mutant: inside MULTI each command runs at once and only its reply is kept for EXEC:
// `client.queue.push(execute(command)); return '+QUEUED'`. The replies EXEC sends are the right ones, but the
// writes happened at queue time, where every other client can see them before EXEC.
import type { Command } from '../../typescript/src/resp-reader.js';
import { type Reply, simple } from '../../typescript/src/resp-writer.js';
import { type Context, execute as executeReference } from '../../typescript/src/commands.js';

export type { Context };

/** The commands that act on the transaction itself, and so are never queued. */
const CONTROL = new Set(['multi', 'exec', 'discard', 'watch', 'quit', 'reset']);

export function execute(args: Command, context: Context): Reply {
  const { client } = context;
  const transaction = client.transaction;
  if (transaction === undefined || CONTROL.has(args[0]?.toString('latin1').toLowerCase() ?? '')) {
    return executeReference(args, context);
  }
  client.transaction = undefined;
  const reply = executeReference(args, context); // the bug: run now...
  client.transaction = transaction;
  transaction.queued.push(() => reply); // ...and EXEC only replays the saved reply
  return simple('QUEUED');
}
