/**
 * Command-line settings. The grader starts the hub as `server --port N` and, in later stages, adds options this
 * version does not know yet (`--idle-timeout 2`): every `--name value` pair is kept, known or not, so an unknown
 * option is ignored instead of being an error, and a later stage finds its value here.
 */
export interface Config {
  port: number;
  /** Every `--name value` from the command line, by lower-case name; a repeated name keeps its last value. */
  settings: ReadonlyMap<string, string>;
}

/** Budget Chat has no official port; 7777 is the track's. */
export const DEFAULT_PORT = 7777;

/** `--port N` in any position (`--port=N` too); the PORT environment variable is the fallback. */
export function parseConfig(argv: readonly string[], env: NodeJS.ProcessEnv): Config {
  const settings = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) continue; // a stray positional argument: ignored like an unknown option
    const equals = arg.indexOf('=');
    if (equals !== -1) {
      settings.set(arg.slice(2, equals).toLowerCase(), arg.slice(equals + 1));
    } else {
      const next = argv[i + 1];
      // A flag followed by another flag (or by nothing) has no value; do not swallow the next flag as one.
      const value = next !== undefined && !next.startsWith('--') ? next : '';
      if (value !== '') i++;
      settings.set(arg.slice(2).toLowerCase(), value);
    }
  }
  const portText = settings.get('port') ?? env.PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new Error(`invalid port: ${portText}`);
  return { port, settings };
}
