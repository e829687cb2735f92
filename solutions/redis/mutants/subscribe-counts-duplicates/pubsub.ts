// Mutant: each connection keeps its channels in an array, `client.channels.push(channel)`, and SUBSCRIBE reports
// `client.channels.length`. Subscribing to a channel the connection already has pushes it again: the count goes
// up where Redis leaves it (a set of channels per connection). Delivery is right: the channel registry is a set.
import type { Client } from '../../typescript/src/client.js';
import { Channels, pubsubCommands as reference } from '../../typescript/src/pubsub.js';
import { array, bulk, integer, sequence } from '../../typescript/src/resp-writer.js';

export { Channels };

/** The learner's per-connection list of channels. */
const lists = new WeakMap<Client, string[]>();

export const pubsubCommands: typeof reference = {
  ...reference,
  subscribe: {
    ...reference.subscribe,
    run(args, { client, channels }) {
      const list = lists.get(client) ?? [];
      lists.set(client, list);
      return sequence(
        args.slice(1).map((name) => {
          channels.subscribe(client, name.toString('latin1'), 'channel');
          list.push(name.toString('latin1')); // the bug: a list, not a set
          return array([bulk('subscribe'), bulk(name), integer(list.length)]);
        }),
      );
    },
  },
};
