// Mutant: UNSUBSCRIBE channel does `channels.delete(name)`, meant as "forget this channel", which removes the
// channel's entry with every subscriber in it: the other connections subscribed to it get nothing more (and
// PUBLISH no longer counts them). Only `channels.get(name).delete(connection)` removes just the one leaving.
import type { Client } from '../../typescript/src/client.js';
import { Channels as ReferenceChannels, pubsubCommands as reference } from '../../typescript/src/pubsub.js';

type Kind = Parameters<ReferenceChannels['subscribe']>[2];

export class Channels extends ReferenceChannels {
  /** Who is in each channel, as the reference's own (private) registry has it. */
  readonly #members = new Map<string, Set<Client>>();

  override subscribe(client: Client, name: string, kind: Kind): void {
    super.subscribe(client, name, kind);
    if (kind !== 'channel') return;
    const members = this.#members.get(name) ?? new Set<Client>();
    this.#members.set(name, members.add(client));
  }

  override unsubscribe(client: Client, name: string, kind: Kind): void {
    super.unsubscribe(client, name, kind);
    if (kind === 'channel') this.#members.get(name)?.delete(client);
  }

  /** `channels.delete(name)`: everyone leaves the channel. */
  deleteChannel(name: string): void {
    for (const member of [...(this.#members.get(name) ?? [])]) this.unsubscribe(member, name, 'channel');
  }
}

export const pubsubCommands: typeof reference = {
  ...reference,
  unsubscribe: {
    ...reference.unsubscribe,
    run(args, context) {
      const { channels } = context;
      // the bug (UNSUBSCRIBE without arguments, after it in the stage, is left as the reference does it)
      if (channels instanceof Channels) for (const name of args.slice(1)) channels.deleteChannel(name.toString('latin1'));
      return reference.unsubscribe.run(args, context);
    },
  },
};
