import type { CommandTable, Context } from './commands.js';
import { CommandError } from './errors.js';
import type { Command } from './resp-reader.js';
import { OK, type Reply, array, bulk, simple } from './resp-writer.js';

/** Commands about the connection itself: PING, ECHO, QUIT, RESET. */
export const connectionCommands: CommandTable = {
  ping: { arity: -1, allowedWhileSubscribed: true, run: ping },
  echo: { arity: 2, run: (args) => bulk(args[1] as Buffer) },
  quit: { arity: -1, allowedWhileSubscribed: true, runsInMulti: true, run: quit },
  reset: { arity: 1, allowedWhileSubscribed: true, runsInMulti: true, run: reset },
};

/**
 * PING → +PONG; PING msg → msg as a bulk string. A subscribed client gets `[pong, msg]` instead (msg empty when
 * absent): in RESP2 its connection carries message arrays, and a lone +PONG could not be told apart from them.
 */
function ping(args: Command, { client }: Context): Reply {
  if (args.length > 2) throw new CommandError("ERR wrong number of arguments for 'ping' command");
  if (client.subscriptions > 0) return array([bulk('pong'), bulk(args[1] ?? '')]);
  return args.length === 2 ? bulk(args[1] as Buffer) : simple('PONG');
}

/** QUIT → +OK, then the connection closes; commands sent after it are not run. */
function quit(_args: Command, { client }: Context): Reply {
  client.closeAfterReply = true;
  return OK;
}

/**
 * RESET → +RESET: the connection as if new. The transaction is discarded, watches and subscriptions are
 * dropped (without an unsubscribe reply for each).
 */
function reset(_args: Command, { client, watches, channels }: Context): Reply {
  client.transaction = undefined;
  watches.unwatchAll(client);
  channels.forget(client);
  return simple('RESET');
}
