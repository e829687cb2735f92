import { defineStage } from '../../../tester/harness/stage.js';
import { ChatClient, notice, randomNames } from '../lib/chat.js';

export default defineStage({
  slug: 'join',
  title: 'Join with a name',
  async run(t) {
    await t.startProgram();
    const [name] = randomNames(t, 1) as [string];
    const client = await ChatClient.connect(t, name);
    await client.readWelcome();
    await client.send(name);
    await client.expectLine(notice(), {
      what: 'the room listing, a line starting with `*`',
      hint:
        'Once the name is accepted, send one line starting with `*` that lists who is already in the room: ' +
        '"* The room contains: \\n" when nobody is. It is sent even when the room is empty.',
    });
    // Another client's welcome is the event that shows the server moved on; the joined client must still be there.
    const other = await ChatClient.connect(t, 'client-2');
    await other.readWelcome();
    client.expectNothing('it is alone in the room', 'After the listing, a client alone in the room receives nothing until something happens.');
  },
});
