import { defineStage } from '../../../tester/harness/stage.js';
import { ChatClient, chatLine, fillRoom, notice, randomNames } from '../lib/chat.js';

export default defineStage({
  slug: 'leave',
  title: 'Announce departures',
  async run(t) {
    await t.startProgram();
    const [alice, bob, carol, dave] = randomNames(t, 4) as [string, string, string, string];
    const [a, b, c] = (await fillRoom(t, [alice, bob, carol])) as [ChatClient, ChatClient, ChatClient];

    const lurker = await ChatClient.connect(t, 'lurker');
    await lurker.readWelcome();
    lurker.leave();
    // The server closing the lurker's connection shows it has handled the departure; bob's message after that is the
    // barrier: alice's next line must be it, not an announcement about a client that never joined.
    await lurker.expectClosed('the lurker left without joining', { hint: 'When a client closes its side (EOF), close the connection too.' });
    const barrier = `${t.random.word()} ${t.random.word()}`;
    await b.send(barrier);
    await a.expectLine(chatLine(bob, barrier), {
      what: `${bob}'s message (a client that never joined leaves silently)`,
      hint: 'Announce departures only for clients that had joined.',
    });
    await c.expectLine(chatLine(bob, barrier));

    b.leave();
    const hint =
      'When a joined client disconnects (for any reason: EOF, reset, error), tell everyone still in the room with one line ' +
      'starting with `*` that contains its name, e.g. "* bob has left the room", and remove it from the room.';
    await a.expectLine(notice([bob]), { what: `the announcement that ${bob} left`, hint });
    await c.expectLine(notice([bob]), { what: `the announcement that ${bob} left`, hint });
    await ChatClient.join(t, dave, {
      ...notice([alice, carol], [bob]),
      hint: 'A client that left is no longer in the room: remove it from your set of members when it disconnects.',
    });
  },
});
