// Mutant: WATCH saves a copy of each key's value (`watched.set(key, store.get(key))`) and EXEC aborts only if
// a value differs now. Any write that changes a value is caught, but a write of the value the key already had
// is not: Redis aborts on any write, whatever it wrote. Writes no longer flag the watchers; EXEC compares.
import type { Client } from '../../typescript/src/client.js';
import type { Store } from '../../typescript/src/store.js';
import { Watches as ReferenceWatches, transactionCommands as reference } from '../../typescript/src/transactions.js';

export class Watches extends ReferenceWatches {
  override keyChanged(_name: string): void {} // writes are not tracked: EXEC compares values instead
}

/** A key's value as WATCH saw it (undefined: no such key). */
const seen = new WeakMap<Client, Map<string, string | undefined>>();

function valueOf(store: Store, name: string): string | undefined {
  const entry = store.get(Buffer.from(name, 'latin1'));
  if (entry === undefined) return undefined;
  return entry.type === 'string' ? `string:${entry.value.toString('hex')}` : `list:${entry.value.map((item) => item.toString('hex')).join(',')}`;
}

export const transactionCommands: typeof reference = {
  ...reference,
  watch: {
    ...reference.watch,
    run(args, context) {
      const reply = reference.watch.run(args, context);
      const values = seen.get(context.client) ?? new Map<string, string | undefined>();
      for (const key of args.slice(1)) values.set(key.toString('latin1'), valueOf(context.store, key.toString('latin1')));
      seen.set(context.client, values);
      return reply;
    },
  },
  exec: {
    ...reference.exec,
    run(args, context) {
      const { client, store } = context;
      const values = seen.get(client);
      // the bug: "changed" means "holds another value now"
      if (values !== undefined && [...client.watched].some((name) => values.get(name) !== valueOf(store, name))) {
        client.watchedKeyChanged = true;
      }
      if (client.transaction !== undefined) seen.delete(client);
      return reference.exec.run(args, context);
    },
  },
};
