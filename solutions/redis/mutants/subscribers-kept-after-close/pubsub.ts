// Mutant: SUBSCRIBE adds the connection to `channels.get(name)`, UNSUBSCRIBE removes it, but nothing does when
// the connection closes (no cleanup in socket.on('close')). A subscriber that disconnects stays in its channels
// for ever: PUBLISH still counts it as a receiver (and tries to write to a dead socket).
import type { Client } from '../../typescript/src/client.js';
import { Channels as ReferenceChannels, pubsubCommands } from '../../typescript/src/pubsub.js';

export { pubsubCommands };

export class Channels extends ReferenceChannels {
  override forget(_client: Client): void {} // the bug: a closed connection keeps its subscriptions
}
