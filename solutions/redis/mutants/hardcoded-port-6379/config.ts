// Mutant: `server.listen(6379)`, copied from the first CodeCrafters step, and never revisited when the grader
// started passing `--port N`. With `--port auto` the grader connects to another port and is refused (or, when
// something already holds 6379, the server dies with EADDRINUSE).
import { type Config, DEFAULT_PORT, parseConfig as parseReference } from '../../typescript/src/config.js';

export type { Config };
export { DEFAULT_PORT };

export function parseConfig(argv: readonly string[], env: NodeJS.ProcessEnv): Config {
  return { ...parseReference(argv, env), port: DEFAULT_PORT }; // the bug: the port is a constant
}
