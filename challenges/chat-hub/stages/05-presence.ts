import { defineStage } from '../../../tester/harness/stage.js';
import { ChatClient, notice, randomNames } from '../lib/chat.js';

export default defineStage({
  slug: 'presence',
  title: 'Who is in the room',
  async run(t) {
    await t.startProgram();
    const [alice, bob, carol] = randomNames(t, 3) as [string, string, string];
    const hint =
      'The listing a newcomer receives names everyone already in the room, and not the newcomer: ' +
      'e.g. "* The room contains: alice, bob". Keep the joined clients in a shared map or set, and add the newcomer after sending it.';
    await ChatClient.join(t, alice, notice([], [alice]));
    await ChatClient.join(t, bob, { ...notice([alice], [bob]), hint });
    await ChatClient.join(t, carol, { ...notice([alice, bob], [carol]), hint });
  },
});
