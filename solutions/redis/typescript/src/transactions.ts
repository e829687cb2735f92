import type { Client } from './client.js';
import type { CommandTable, Context } from './commands.js';
import { CommandError } from './errors.js';
import type { Command } from './resp-reader.js';
import { NULL_ARRAY, OK, type Reply, array } from './resp-writer.js';

/**
 * MULTI, EXEC, DISCARD, WATCH, UNWATCH. Between MULTI and EXEC the dispatcher (commands.ts) queues commands
 * instead of running them; EXEC runs the queue in one go, and since commands run one at a time on the event
 * loop, no other client's command can come in between: the transaction is atomic for free.
 */
export const transactionCommands: CommandTable = {
  multi: { arity: 1, runsInMulti: true, run: multi },
  exec: { arity: 1, runsInMulti: true, run: exec },
  discard: { arity: 1, runsInMulti: true, run: discard },
  watch: { arity: -2, runsInMulti: true, run: watch },
  unwatch: { arity: 1, run: unwatch }, // queued like any command inside MULTI, as in Redis
};

/** MULTI → +OK, and the commands that follow are queued. A second MULTI is refused but does no harm. */
function multi(_args: Command, { client }: Context): Reply {
  if (client.transaction !== undefined) throw new CommandError('ERR MULTI calls can not be nested');
  client.transaction = { queued: [], refused: false };
  return OK;
}

/**
 * EXEC → an array with the reply of each queued command, runtime errors included (one failing command does
 * not stop the others: there is no rollback). But nothing runs, and the queue is dropped, when a command was
 * refused while queueing (`-EXECABORT`) or a WATCHed key was written since the WATCH (`*-1`).
 */
function exec(_args: Command, { client, watches }: Context): Reply {
  const transaction = client.transaction;
  if (transaction === undefined) throw new CommandError('ERR EXEC without MULTI');
  client.transaction = undefined;
  const watchedKeyChanged = client.watchedKeyChanged;
  watches.unwatchAll(client); // whatever happens next, the watches have served their purpose
  if (transaction.refused) throw new CommandError('EXECABORT Transaction discarded because of previous errors.');
  if (watchedKeyChanged) return NULL_ARRAY;
  client.executing = true;
  try {
    return array(transaction.queued.map((run) => run()));
  } finally {
    client.executing = false;
  }
}

/** DISCARD → +OK: the queue is dropped and the watches forgotten. */
function discard(_args: Command, { client, watches }: Context): Reply {
  if (client.transaction === undefined) throw new CommandError('ERR DISCARD without MULTI');
  client.transaction = undefined;
  watches.unwatchAll(client);
  return OK;
}

/**
 * WATCH key [key ...] → +OK. If any of the keys is written (by anyone, this client included) before EXEC, the
 * transaction does not run. Only writes count: in redis-server 7.0 a watched key that merely expires does not.
 */
function watch(args: Command, { client, watches }: Context): Reply {
  if (client.transaction !== undefined) throw new CommandError('ERR WATCH inside MULTI is not allowed');
  if (client.watchedKeyChanged) return OK; // the next EXEC fails anyway: no point in watching more
  for (const key of args.slice(1)) watches.watch(client, key.toString('latin1'));
  return OK;
}

/** UNWATCH → +OK: forget every watched key, and any write that already happened to them. */
function unwatch(_args: Command, { client, watches }: Context): Reply {
  watches.unwatchAll(client);
  return OK;
}

/** The clients watching each key: the store's change listener flags them. */
export class Watches {
  readonly #watchers = new Map<string, Set<Client>>();

  watch(client: Client, name: string): void {
    const watchers = this.#watchers.get(name);
    if (watchers === undefined) this.#watchers.set(name, new Set([client]));
    else watchers.add(client);
    client.watched.add(name);
  }

  /** A command changed `name`: every client watching it will see its EXEC fail. */
  keyChanged(name: string): void {
    const watchers = this.#watchers.get(name);
    if (watchers !== undefined) for (const client of watchers) client.watchedKeyChanged = true;
  }

  /** Forget all of `client`'s watches (EXEC, DISCARD, UNWATCH, RESET, disconnect). */
  unwatchAll(client: Client): void {
    for (const name of client.watched) {
      const watchers = this.#watchers.get(name);
      watchers?.delete(client);
      if (watchers?.size === 0) this.#watchers.delete(name);
    }
    client.watched.clear();
    client.watchedKeyChanged = false;
  }
}
