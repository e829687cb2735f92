// Mutant (with connection.ts): PUBLISH's loop is
// `for (const sub of subscribers) { if (sub.socket.writableNeedDrain) continue; sub.socket.write(msg); n++ }`,
// meant to protect the server from a subscriber that does not read. Here: whether a write is a pushed message.
import { Channels as ReferenceChannels, pubsubCommands } from '../../typescript/src/pubsub.js';

export { pubsubCommands };

/** True while PUBLISH delivers: the writes made meanwhile are pushed messages. */
export let publishing = false;

export class Channels extends ReferenceChannels {
  override publish(channel: Buffer, message: Buffer): number {
    publishing = true;
    try {
      return super.publish(channel, message);
    } finally {
      publishing = false;
    }
  }
}
