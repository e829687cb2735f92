// Mutant: the server listens on "::1", the IPv6 loopback — what `localhost` resolves to first on many systems —
// instead of 127.0.0.1 or all interfaces. Clients that connect to 127.0.0.1 (as the grader does) are refused.
import { type RunningServer, type ServerOptions, startServer as startReference } from '../../typescript/src/server.js';

export type { RunningServer, ServerOptions };

export function startServer(options: ServerOptions): Promise<RunningServer> {
  return startReference({ ...options, host: '::1' });
}
