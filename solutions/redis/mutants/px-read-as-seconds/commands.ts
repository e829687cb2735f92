// Mutant: one expiry formula for both options, `expiresAt = Date.now() + amount * 1000`, written for EX and
// reused for PX. A key set with PX 100 lives 100 seconds instead of 100 milliseconds. Modelled by reading
// every PX as an EX.
import type { Command } from '../../typescript/src/resp-reader.js';
import type { Reply } from '../../typescript/src/resp-writer.js';
import { type Context, execute as executeReference } from '../../typescript/src/commands.js';

export type { Context };

export function execute(args: Command, context: Context): Reply {
  if (args[0]?.toString('latin1').toLowerCase() !== 'set') return executeReference(args, context);
  const asSeconds = args.map((arg, i) => (i >= 3 && arg.toString('latin1').toLowerCase() === 'px' ? Buffer.from('EX') : arg));
  return executeReference(asSeconds, context); // the bug
}
