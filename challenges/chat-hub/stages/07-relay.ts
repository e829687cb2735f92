import { defineStage } from '../../../tester/harness/stage.js';
import { ChatClient, chatLine, fillRoom, notice, randomNames, sentence } from '../lib/chat.js';

export default defineStage({
  slug: 'relay',
  title: 'Relay messages',
  async run(t) {
    await t.startProgram();
    const [alice, bob, carol, dave] = randomNames(t, 4) as [string, string, string, string];
    const [a, b, c] = (await fillRoom(t, [alice, bob, carol])) as [ChatClient, ChatClient, ChatClient];
    const d = await ChatClient.connect(t, dave);
    await d.readWelcome();

    const hint =
      'Relay every line a joined client sends to every OTHER joined client as "[name] text\\n": a "[", the sender\'s name, "] ", ' +
      'then the line exactly as received.';
    const first = sentence(t, t.random.int(20, 60));
    await a.send(first);
    await b.expectLine(chatLine(alice, first), { hint });
    await c.expectLine(chatLine(alice, first), { hint });

    const second = sentence(t, t.random.int(20, 60));
    await b.send(second);
    await a.expectLine(chatLine(bob, second), {
      what: `${bob}'s message (and not ${alice}'s own message before it)`,
      hint: 'The sender does not receive its own message: skip it when broadcasting.',
    });
    await c.expectLine(chatLine(bob, second), { hint });
    b.expectNothing('it sent the last message, which is not echoed to it', 'The sender does not receive its own message.');

    await d.send(dave);
    await d.expectLine(notice([alice, bob, carol]), {
      what: `${dave}'s listing, right after the welcome`,
      hint: 'Messages go only to joined clients: one that has not sent its name yet must not receive them.',
    });
  },
});
