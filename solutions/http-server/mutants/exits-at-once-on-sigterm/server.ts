// Mutant: `process.on('SIGTERM', () => process.exit(0))` — exit code 0, new connections refused, idle ones
// closed, so it looks graceful; but an upload half-way through dies with the process and the client gets a
// reset instead of its 201. Modelled by a shutdown that resolves at once, after which main exits.
import { type RunningServer, type ServerOptions, startServer as startReference } from '../../typescript/src/server.js';

export type { RunningServer, ServerOptions };

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const server = await startReference(options);
  return { port: server.port, shutdown: async () => {} }; // the bug: nothing drains before the exit
}
