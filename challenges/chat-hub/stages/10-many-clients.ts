import { defineStage } from '../../../tester/harness/stage.js';
import { ChatClient, chatLine, notice, randomNames, sentence } from '../lib/chat.js';

export default defineStage({
  slug: 'many-clients',
  title: 'Many clients at once',
  async run(t) {
    await t.startProgram();
    const count = t.random.int(10, 12);
    const names = randomNames(t, count);
    const clients: ChatClient[] = [];
    const hint = 'With many clients, every joined client must receive every announcement and message, in order.';
    t.log.info(`${count} clients join one by one (each line they receive is checked; only failures are shown): ${names.join(', ')}.`);
    for (const name of names) {
      const client = await ChatClient.join(t, name, { ...notice(clients.map((c) => c.joinedAs ?? '')), hint }, { quiet: true });
      await Promise.all(clients.map((other) => other.expectLine(notice([name]), { what: `the announcement that ${name} joined`, hint })));
      clients.push(client);
    }
    t.log.info(`${count} clients are in the room. Each now sends one message.`);
    const messages = clients.map(() => sentence(t, t.random.int(10, 80)));
    for (const [i, sender] of clients.entries()) {
      await sender.send(messages[i] ?? '');
      await Promise.all(
        clients.filter((c) => c !== sender).map((c) => c.expectLine(chatLine(sender.joinedAs ?? '', messages[i] ?? ''), { hint })),
      );
    }
    t.log.info('They leave one by one.');
    for (let i = 0; i < clients.length; i++) {
      const leaving = clients[i] as ChatClient;
      leaving.leave();
      await Promise.all(
        clients.slice(i + 1).map((c) => c.expectLine(notice([leaving.joinedAs ?? '']), { what: `the announcement that ${leaving.joinedAs} left`, hint })),
      );
    }
  },
});
