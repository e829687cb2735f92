import type { CommandTable, Context } from './commands.js';
import { globMatch } from './glob.js';
import type { Command } from './resp-reader.js';
import { type Reply, array, bulk } from './resp-writer.js';

/** The settings a client can read, by name: what redis-server was started with, or its defaults. */
export interface Settings {
  /** Where the RDB file lives: an absolute path without symlinks, as redis-server's getcwd() reports it. */
  dir: string;
  dbfilename: string;
  port: number;
}

/** CONFIG GET. The other subcommands (SET, REWRITE, HELP...) are answered "unknown subcommand". */
export const configCommands: CommandTable = {
  config: {
    arity: -2,
    subcommands: { get: { arity: -3, run: configGet } },
    run() {
      throw new Error('CONFIG runs through its subcommands'); // the dispatcher never calls this
    },
  },
};

/**
 * CONFIG GET parameter [parameter ...] → a flat array of name, value pairs, `*0` when nothing matches. A
 * parameter may be a glob pattern (case-insensitive), which reports the matching names; a plain name is
 * reported as the client spelled it (`CONFIG GET DIR` → `DIR`). Each setting is reported once.
 */
function configGet(args: Command, { settings }: Context): Reply {
  const all: [string, string][] = [
    ['dir', settings.dir],
    ['dbfilename', settings.dbfilename],
    ['port', String(settings.port)],
  ];
  const found = new Map<string, [string, string]>();
  for (const pattern of args.slice(2)) {
    const text = pattern.toString('latin1');
    if (!/[[*?]/.test(text)) {
      const setting = all.find(([name]) => name === text.toLowerCase());
      if (setting !== undefined && !found.has(setting[0])) found.set(setting[0], [text, setting[1]]);
      continue;
    }
    for (const [name, value] of all) {
      if (!found.has(name) && globMatch(pattern, Buffer.from(name), true)) found.set(name, [name, value]);
    }
  }
  return array([...found.values()].flatMap(([name, value]) => [bulk(name), bulk(Buffer.from(value))]));
}
