import { StageFailure } from '../../../tester/harness/errors.js';
import { defineStage } from '../../../tester/harness/stage.js';
import { ChatClient, listing, randomNames, sentence } from '../lib/chat.js';

const CLIENTS = 500;
/** Clients connecting and joining at the same time: a crowd arriving, not a queue. */
const WAVE = 50;
const SENDERS = 5;
const MESSAGES_PER_SENDER = 10;

/** The words of a line (runs of letters and digits): names are looked up among them, not searched for with 500 RegExps. */
function wordsOf(line: string): string[] {
  return line.split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
}

export default defineStage({
  slug: 'fan-out',
  title: 'Fan-out to 500 clients',
  async run(t) {
    await t.startProgram();
    const names = randomNames(t, CLIENTS);
    t.log.info(`${CLIENTS} clients join, ${WAVE} at a time; every line each of them receives is checked (only failures are shown).`);
    const startedAt = Date.now();
    const clients: ChatClient[] = [];
    const listings = new Map<ChatClient, string>();
    for (let from = 0; from < CLIENTS; from += WAVE) {
      const wave = await Promise.all(
        names.slice(from, from + WAVE).map(async (name) => {
          const client = await ChatClient.connect(t, name, { quiet: true });
          await client.readWelcome();
          await client.send(name);
          listings.set(client, await client.expectLine(listing([], name), { what: `${name}'s room listing` }));
          client.joinedAs = name;
          return client;
        }),
      );
      clients.push(...wave);
    }
    const everyone = new Set(names);
    const hint =
      'Every joined client must receive every arrival and every message, whatever the crowd. Give each client its own outgoing ' +
      'queue (Go: a buffered channel and a writer goroutine; Node: socket.write, which queues) and never drop a line silently.';
    // Each client learns of everyone who joined after it exactly once: those not in its listing.
    await Promise.all(
      clients.map(async (client) => {
        const listed = new Set(wordsOf(listings.get(client) ?? ''));
        const pending = new Set([...everyone].filter((name) => name !== client.joinedAs && !listed.has(name)));
        const total = pending.size;
        while (pending.size > 0) {
          const line = await client.readLine({ what: `the arrival of one of the ${pending.size} clients that joined after ${client.joinedAs} and are not announced yet`, hint });
          const name = line.startsWith('*') ? wordsOf(line).find((word) => pending.has(word)) : undefined;
          if (name === undefined) {
            throw new StageFailure(
              `${client.joinedAs} expected arrival lines for the ${total} clients that joined after it, each once; got ${JSON.stringify(line.slice(0, 200))} ` +
                `with ${pending.size} still to come.`,
              { hint },
            );
          }
          pending.delete(name);
        }
      }),
    );
    t.log.info(`All ${CLIENTS} joined and every arrival reached everyone, in ${Date.now() - startedAt} ms.`);

    const senders = t.random.shuffle([...clients]).slice(0, SENDERS);
    const scripts = new Map(senders.map((sender) => [sender.joinedAs ?? '', Array.from({ length: MESSAGES_PER_SENDER }, (_, i) => `${i + 1}/${MESSAGES_PER_SENDER} ${sentence(t, t.random.int(10, 60))}`)]));
    const sendingAt = Date.now();
    await Promise.all(senders.map(async (sender) => { for (const text of scripts.get(sender.joinedAs ?? '') ?? []) await sender.send(text); }));
    const orderHint = `${hint} Messages from one sender must reach each receiver in the order they were sent.`;
    await Promise.all(
      clients.map(async (client) => {
        const next = new Map([...scripts].filter(([from]) => from !== client.joinedAs).map(([from, texts]) => [from, [...texts]]));
        let left = [...next.values()].reduce((sum, texts) => sum + texts.length, 0);
        while (left > 0) {
          const line = await client.readLine({ what: `one of the ${left} messages still due to ${client.joinedAs}`, hint: orderHint });
          const from = /^\[([A-Za-z0-9]+)\] /.exec(line)?.[1];
          const due = from === undefined ? undefined : next.get(from);
          const expected = due?.[0];
          if (from === undefined || due === undefined || expected === undefined || line !== `[${from}] ${expected}`) {
            throw new StageFailure(
              `${client.joinedAs} received ${JSON.stringify(line.slice(0, 200))}` +
                (due && expected !== undefined ? `, but ${from}'s next message is ${JSON.stringify(`[${from}] ${expected}`)} (messages from one sender must keep their order, none lost).` : ', which is not a message due to it.'),
              { hint: orderHint },
            );
          }
          due.shift();
          left -= 1;
        }
      }),
    );
    const deliveries = (CLIENTS - 1) * SENDERS * MESSAGES_PER_SENDER;
    t.log.info(`${deliveries.toLocaleString('en-US')} deliveries checked in ${Date.now() - sendingAt} ms; ${Date.now() - startedAt} ms in all.`);
  },
});
