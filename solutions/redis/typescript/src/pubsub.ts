import type { Client } from './client.js';
import type { CommandTable, Context } from './commands.js';
import { globMatch } from './glob.js';
import type { Command } from './resp-reader.js';
import { NULL_BULK, type Reply, array, bulk, integer, sequence } from './resp-writer.js';

/**
 * Pub/sub in RESP2: SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE, PUBLISH. A client with at least one
 * subscription is in "subscribed mode", where the dispatcher allows only the commands marked here (and PING,
 * QUIT, RESET): its connection has become a stream of messages.
 */
export const pubsubCommands: CommandTable = {
  subscribe: { arity: -2, allowedWhileSubscribed: true, run: (args, ctx) => subscribe(args, ctx, 'channel') },
  unsubscribe: { arity: -1, allowedWhileSubscribed: true, run: (args, ctx) => unsubscribe(args, ctx, 'channel') },
  psubscribe: { arity: -2, allowedWhileSubscribed: true, run: (args, ctx) => subscribe(args, ctx, 'pattern') },
  punsubscribe: { arity: -1, allowedWhileSubscribed: true, run: (args, ctx) => unsubscribe(args, ctx, 'pattern') },
  publish: { arity: 3, run: (args, { channels }) => integer(channels.publish(args[1] as Buffer, args[2] as Buffer)) },
};

type Kind = 'channel' | 'pattern';

/**
 * SUBSCRIBE ch [ch ...] → one `[subscribe, ch, count]` per channel, count being the client's subscriptions
 * (channels and patterns) so far; subscribing again to a channel changes nothing and reports the same count.
 */
function subscribe(args: Command, { client, channels }: Context, kind: Kind): Reply {
  const replies = args.slice(1).map((name) => {
    channels.subscribe(client, name.toString('latin1'), kind);
    return confirmation(kind === 'channel' ? 'subscribe' : 'psubscribe', name, client);
  });
  return sequence(replies);
}

/**
 * UNSUBSCRIBE [ch ...] → one `[unsubscribe, ch, count]` per channel named, subscribed to or not; without
 * arguments, one per channel the client had (in no particular order), or a single `[unsubscribe, nil, 0]` when
 * it had none. At count 0 the client leaves subscribed mode.
 */
function unsubscribe(args: Command, { client, channels }: Context, kind: Kind): Reply {
  const verb = kind === 'channel' ? 'unsubscribe' : 'punsubscribe';
  const mine = kind === 'channel' ? client.channels : client.patterns;
  const names = args.length > 1 ? args.slice(1) : [...mine].map((name) => Buffer.from(name, 'latin1'));
  if (names.length === 0) return confirmation(verb, null, client);
  return sequence(
    names.map((name) => {
      channels.unsubscribe(client, name.toString('latin1'), kind);
      return confirmation(verb, name, client);
    }),
  );
}

function confirmation(verb: string, name: Buffer | null, client: Client): Reply {
  return array([bulk(verb), name === null ? NULL_BULK : bulk(name), integer(client.subscriptions)]);
}

/** Who listens to what: channel → subscribers, pattern → subscribers, each in the order they subscribed. */
export class Channels {
  readonly #channels = new Map<string, Set<Client>>();
  readonly #patterns = new Map<string, Set<Client>>();

  subscribe(client: Client, name: string, kind: Kind): void {
    const registry = kind === 'channel' ? this.#channels : this.#patterns;
    const subscribers = registry.get(name);
    if (subscribers === undefined) registry.set(name, new Set([client]));
    else subscribers.add(client);
    (kind === 'channel' ? client.channels : client.patterns).add(name);
  }

  unsubscribe(client: Client, name: string, kind: Kind): void {
    const registry = kind === 'channel' ? this.#channels : this.#patterns;
    const subscribers = registry.get(name);
    subscribers?.delete(client);
    if (subscribers?.size === 0) registry.delete(name);
    (kind === 'channel' ? client.channels : client.patterns).delete(name);
  }

  /** Drop every subscription of `client`, without telling it (a disconnect, RESET). */
  forget(client: Client): void {
    for (const name of client.channels) this.unsubscribe(client, name, 'channel');
    for (const name of client.patterns) this.unsubscribe(client, name, 'pattern');
  }

  /**
   * Deliver `message` to the subscribers of `channel`, then to those of every matching pattern (a client with
   * both gets it twice), and return how many deliveries that was: PUBLISH's answer. Delivery only queues the
   * message on each subscriber's connection; the publisher never waits for a subscriber to read.
   */
  publish(channel: Buffer, message: Buffer): number {
    let receivers = 0;
    const subscribers = this.#channels.get(channel.toString('latin1'));
    if (subscribers !== undefined) {
      const delivery = array([bulk('message'), bulk(channel), bulk(message)]);
      for (const client of [...subscribers]) {
        client.connection.push(delivery);
        receivers++;
      }
    }
    for (const [pattern, clients] of [...this.#patterns]) {
      const patternBytes = Buffer.from(pattern, 'latin1');
      if (!globMatch(patternBytes, channel)) continue;
      const delivery = array([bulk('pmessage'), bulk(patternBytes), bulk(channel), bulk(message)]);
      for (const client of [...clients]) {
        client.connection.push(delivery);
        receivers++;
      }
    }
    return receivers;
  }
}
