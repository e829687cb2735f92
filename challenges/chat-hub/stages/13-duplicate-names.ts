import { defineStage } from '../../../tester/harness/stage.js';
import { ChatClient, chatLine, exactly, fillRoom, notice, randomNames, sentence } from '../lib/chat.js';

export default defineStage({
  slug: 'duplicate-names',
  title: 'Duplicate names',
  async run(t) {
    await t.startProgram();
    const [alice, bob] = randomNames(t, 2) as [string, string];
    const [a, b] = (await fillRoom(t, [alice, bob])) as [ChatClient, ChatClient];

    const hint =
      'A name already in the room is refused: send "* error: name already taken\\n", close the connection, and tell nobody. ' +
      'Check and add the name in one step (Go: under the same lock, or in the hub goroutine), so two clients cannot take it at once.';
    const impostor = await ChatClient.connect(t, `second-${alice}`);
    await impostor.readWelcome();
    await impostor.send(alice);
    await impostor.expectLine(exactly('* error: name already taken'), { what: `the refusal of the name ${alice}, already in the room`, hint });
    await impostor.expectClosed('after "* error: name already taken"', { hint });

    const barrier = sentence(t, 30);
    await b.send(barrier);
    await a.expectLine(chatLine(bob, barrier), {
      what: `${bob}'s message (and nothing about the refused duplicate before it)`,
      hint: 'A refused name is not announced: it never joined.',
    });

    a.leave();
    await b.expectLine(notice([alice]), { what: `the announcement that ${alice} left` });
    await ChatClient.join(t, alice, notice([bob], [alice])).catch((error: unknown) => {
      if (error instanceof Error) error.message = `${error.message}\n${alice} left, so the name is free again.`;
      throw error;
    });
    await b.expectLine(notice([alice]), {
      what: `the announcement that the new ${alice} joined`,
      hint: 'Free a name when its owner leaves: remove it from the room in the same step as the leave announcement.',
    });
  },
});
