// Mutant: `server.listen(7777)`, the port the track's examples use, never revisited when the grader started passing
// `--port N`. With `--port auto` the grader connects to another port and is refused (or, when something already
// holds 7777, the server dies with EADDRINUSE).
import { type Config, DEFAULT_PORT, parseConfig as parseReference } from '../../typescript/src/config.js';

export type { Config };
export { DEFAULT_PORT };

export function parseConfig(argv: readonly string[], env: NodeJS.ProcessEnv): Config {
  return { ...parseReference(argv, env), port: DEFAULT_PORT }; // the bug: the port is a constant
}
