import type { BlockedClients } from './blocking.js';
import type { Client } from './client.js';
import { type Settings, configCommands } from './config-get.js';
import { connectionCommands } from './connection-commands.js';
import { counterCommands } from './counters.js';
import { CommandError } from './errors.js';
import { keyCommands } from './keys.js';
import { listCommands } from './lists.js';
import { type Channels, pubsubCommands } from './pubsub.js';
import type { Command } from './resp-reader.js';
import { type Reply, error, simple } from './resp-writer.js';
import type { Store } from './store.js';
import { stringCommands } from './strings.js';
import { type Watches, transactionCommands } from './transactions.js';

/** What all connections share: the keyspace, and the registries through which clients reach one another. */
export interface Shared {
  store: Store;
  /** Clients blocked in BLPOP, by key. */
  blocked: BlockedClients;
  /** Clients WATCHing keys, by key. */
  watches: Watches;
  /** Subscribers, by channel and pattern. */
  channels: Channels;
  settings: Settings;
}

/** What a command may touch: the shared state, and the state of the client that sent it. */
export interface Context extends Shared {
  client: Client;
}

export interface CommandSpec {
  /**
   * Redis's arity, counting the command name: N means exactly N arguments, -N at least N. The check is made
   * before the command runs, with Redis's wording, so handlers can rely on their fixed arguments being there.
   */
  arity: number;
  /** The reply; an error the client caused may also be thrown as a CommandError. */
  run(args: Command, context: Context): Reply;
  /** Runs at once between MULTI and EXEC instead of being queued (MULTI, EXEC, DISCARD, WATCH, QUIT, RESET). */
  runsInMulti?: boolean;
  /** One of the few commands a subscribed client may send (SUBSCRIBE and co., PING, QUIT, RESET). */
  allowedWhileSubscribed?: boolean;
  /** A container command (CONFIG): the second word names the real command, which has its own arity. */
  subcommands?: CommandTable;
}

/** Commands by lower-case name. Each feature module exports its own table. */
export type CommandTable = Record<string, CommandSpec>;

const COMMANDS = new Map<string, CommandSpec>(
  Object.entries({
    ...connectionCommands,
    ...stringCommands,
    ...counterCommands,
    ...keyCommands,
    ...listCommands,
    ...transactionCommands,
    ...pubsubCommands,
    ...configCommands,
  }),
);

/**
 * Executes one command as redis-server's processCommand() does, and returns its reply (errors the client
 * caused included): look the command up, check its arity, refuse it in subscribed mode if it is not allowed
 * there, queue it inside MULTI, or else run it. Then serve the clients that this command unblocked.
 */
export function execute(args: Command, context: Context): Reply {
  const reply = dispatch(args, context);
  context.blocked.serveReady();
  return reply;
}

function dispatch(args: Command, context: Context): Reply {
  const { client } = context;
  const found = lookup(args);
  if (found.kind === 'refused') {
    // A command refused before it could be queued dooms the transaction: EXEC will answer EXECABORT.
    if (client.transaction !== undefined) client.transaction.refused = true;
    if (found.name === 'exec') {
      // EXEC refused itself (`EXEC extra`): Redis then discards the transaction, and the watches, at once.
      client.transaction = undefined;
      context.watches.unwatchAll(client);
      return error(`EXECABORT Transaction discarded because of: ${arityMessage('exec')}`);
    }
    return found.reply;
  }
  const { spec, name } = found;
  if (client.subscriptions > 0 && spec.allowedWhileSubscribed !== true) {
    const allowed = '(P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET';
    return error(`ERR Can't execute '${name}': only ${allowed} are allowed in this context`);
  }
  if (client.transaction !== undefined && spec.runsInMulti !== true) {
    client.transaction.queued.push(() => run(spec, args, context));
    return QUEUED;
  }
  return run(spec, args, context);
}

const QUEUED = simple('QUEUED');

type Lookup = { kind: 'found'; spec: CommandSpec; name: string } | { kind: 'refused'; reply: Reply; name?: string };

/** The command `args` names, with its full name (`config|get` for a subcommand), or the error that refuses it. */
function lookup(args: Command): Lookup {
  const [nameBytes, subcommandBytes] = args;
  if (nameBytes === undefined) throw new Error('empty command'); // the reader never returns one
  // Command names are case-insensitive. latin1: one character per byte, so no byte sequence can fail to decode.
  const name = nameBytes.toString('latin1').toLowerCase();
  const spec = COMMANDS.get(name);
  if (spec === undefined) return { kind: 'refused', reply: unknownCommand(args) };
  if (spec.subcommands === undefined || subcommandBytes === undefined) {
    if (!arityMatches(spec, args)) return { kind: 'refused', reply: wrongArity(name), name };
    return { kind: 'found', spec, name };
  }
  const subcommandName = subcommandBytes.toString('latin1').toLowerCase();
  const subcommand = Object.hasOwn(spec.subcommands, subcommandName) ? spec.subcommands[subcommandName] : undefined;
  if (subcommand === undefined) {
    return {
      kind: 'refused',
      reply: error(
        Buffer.concat([
          Buffer.from("ERR unknown subcommand '"),
          cString(subcommandBytes, 128),
          Buffer.from(`'. Try ${name.toUpperCase()} HELP.`),
        ]),
      ),
    };
  }
  const fullName = `${name}|${subcommandName}`;
  return arityMatches(subcommand, args)
    ? { kind: 'found', spec: subcommand, name: fullName }
    : { kind: 'refused', reply: wrongArity(fullName) };
}

function arityMatches({ arity }: CommandSpec, args: Command): boolean {
  return arity > 0 ? args.length === arity : args.length >= -arity;
}

/** Run a command that passed every check; a CommandError it throws becomes its (error) reply. */
function run(spec: CommandSpec, args: Command, context: Context): Reply {
  try {
    return spec.run(args, context);
  } catch (failure) {
    if (failure instanceof CommandError) return error(failure.message);
    throw failure;
  }
}

/** Redis's wording, with the command's canonical (lower-case) name whatever case the client used. */
function wrongArity(name: string): Reply {
  return error(`ERR ${arityMessage(name)}`);
}

function arityMessage(name: string): string {
  return `wrong number of arguments for '${name}' command`;
}

/**
 * `ERR unknown command 'FOO', with args beginning with: 'a' 'b' `, byte for byte as Redis 7.0 builds it with
 * printf: the name cut to 128 bytes, then quoted arguments while the list is under 128 bytes, the last cut to
 * fit; a NUL ends a string (C strings). The error writer turns any CR or LF into a space.
 */
function unknownCommand(args: Command): Reply {
  const [name, ...rest] = args as [Buffer, ...Buffer[]];
  let list = Buffer.alloc(0);
  for (const arg of rest) {
    if (list.length >= 128) break;
    list = Buffer.concat([list, quote(cString(arg, 128 - list.length))]);
  }
  return error(
    Buffer.concat([
      Buffer.from("ERR unknown command '"),
      cString(name, 128),
      Buffer.from("', with args beginning with: "),
      list,
    ]),
  );
}

/** `'arg' ` */
function quote(bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from("'"), bytes, Buffer.from("' ")]);
}

/** printf's `%.*s`: at most `max` bytes, and nothing from the first NUL on. */
function cString(bytes: Buffer, max: number): Buffer {
  const nul = bytes.indexOf(0);
  return bytes.subarray(0, Math.min(max, nul === -1 ? bytes.length : nul));
}
