// Mutant: `loadRdb(dbfilename)` — the file is opened relative to the working directory. --dir is read (CONFIG GET
// reports it) but never joined to the file name, so a server started elsewhere finds no file and starts empty.
// The reference main.ts, with that one change (marked "the bug").
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { parseConfig } from '../../typescript/src/config.js';
import { parseRdb } from '../../typescript/src/rdb.js';
import { startServer } from '../../typescript/src/server.js';
import { Store } from '../../typescript/src/store.js';

/** Loopback, like the grader and the HTTP track: a development server has no business on other interfaces. */
const HOST = '127.0.0.1';
const USAGE = 'usage: server [--port N] [--dir DIR] [--dbfilename NAME] (unknown --name value pairs are ignored)';

let port: number;
let settings: ReadonlyMap<string, string>;
try {
  ({ port, settings } = parseConfig(process.argv.slice(2), process.env));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

// The RDB file is read before the port opens, as redis-server does: no client may see a half-loaded keyspace.
// A file that is there but cannot be read is fatal (exit 1): serving an empty keyspace instead would look like
// data loss. A file that is not there is the normal first start.
let dir: string;
const dbfilename = settings.get('dbfilename') || 'dump.rdb';
const store = new Store();
try {
  // Redis changes into `dir` and reports getcwd(): the absolute path, symlinks resolved.
  const dirSetting = settings.get('dir') || '.';
  try {
    dir = realpathSync(dirSetting);
  } catch (error) {
    throw new Error(`--dir ${dirSetting}: ${(error as Error).message}`);
  }
  if (!statSync(dir).isDirectory()) throw new Error(`--dir ${dir} is not a directory`);
  if (dbfilename.includes('/')) throw new Error("--dbfilename can't be a path, just a filename");
  const loaded = loadRdb(dbfilename, store); // the bug: not join(dir, dbfilename)
  if (loaded !== undefined) console.log(`loaded ${loaded} keys from ${dbfilename}`);
} catch (error) {
  console.error(`cannot start: ${(error as Error).message}`);
  process.exit(1);
}

const server = await startServer({ host: HOST, port, store, settings: { dir, dbfilename } });
console.log(`listening on ${HOST}:${server.port}`);

// redis-server answers SIGTERM (how process managers and the grader stop it) by closing its clients and
// exiting 0. Nothing needs flushing: this server reads an RDB file at start but never writes one.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close();
    process.exit(0);
  });
}

/**
 * Fill `store` from the RDB file at `path`: the keys of database 0 whose expiry, if any, is not already past
 * (redis-server skips those too). Returns how many keys were loaded; undefined when there is no file.
 */
function loadRdb(path: string, store: Store): number | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const now = Date.now();
  let loaded = 0;
  try {
    for (const { db, key, value, expiresAt } of parseRdb(bytes)) {
      if (db !== 0 || (expiresAt !== undefined && expiresAt < now)) continue;
      store.set(key, expiresAt === undefined ? value : { ...value, expiresAt });
      loaded++;
    }
  } catch (error) {
    throw new Error(`${path} is not a readable RDB file: ${(error as Error).message}`);
  }
  return loaded;
}
