/**
 * Command-line settings, read the way redis-server reads them: every `--name value` pair is a setting (`--port
 * 6380 --dir /tmp --dbfilename dump.rdb`). All of them are kept, known or not, so that a later stage (CONFIG
 * GET, RDB loading) finds `dir` and `dbfilename` here instead of the parser learning new flags one by one.
 */
export interface Config {
  port: number;
  /** Every `--name value` from the command line, by lower-case name; a repeated name keeps its last value. */
  settings: ReadonlyMap<string, string>;
}

export const DEFAULT_PORT = 6379;

/** `--port N` in any position (`--port=N` too); the PORT environment variable is the fallback. */
export function parseConfig(argv: readonly string[], env: NodeJS.ProcessEnv): Config {
  const settings = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) continue; // a positional argument (redis-server's config file path): ignored
    const equals = arg.indexOf('=');
    if (equals !== -1) {
      settings.set(arg.slice(2, equals).toLowerCase(), arg.slice(equals + 1));
    } else {
      const next = argv[i + 1];
      // A flag followed by another flag (or nothing) has no value; do not swallow the next flag as one.
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
