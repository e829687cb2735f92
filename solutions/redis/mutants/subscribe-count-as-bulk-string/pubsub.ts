// Mutant: the confirmation goes through the helper that writes an array of strings,
// `writeArray(['subscribe', channel, String(count)])`, so the count is the bulk string $1\r\n1\r\n where Redis
// sends the integer :1\r\n. redis-cli shows "1" either way; a client library reading the count gets a string.
import { Channels, pubsubCommands as reference } from '../../typescript/src/pubsub.js';
import { array, bulk, sequence } from '../../typescript/src/resp-writer.js';

export { Channels };

export const pubsubCommands: typeof reference = {
  ...reference,
  subscribe: {
    ...reference.subscribe,
    run(args, { client, channels }) {
      return sequence(
        args.slice(1).map((name) => {
          channels.subscribe(client, name.toString('latin1'), 'channel');
          return array([bulk('subscribe'), bulk(name), bulk(String(client.subscriptions))]); // the bug: a string count
        }),
      );
    },
  },
};
