import { defineStage } from '../../../tester/harness/stage.js';
import { ChatClient, chatLine, notice, randomNames, sentence } from '../lib/chat.js';

export default defineStage({
  slug: 'long-messages',
  title: 'Long messages',
  async run(t) {
    await t.startProgram();
    const [alice, bob] = randomNames(t, 2) as [string, string];
    const a = await ChatClient.join(t, alice);
    const b = await ChatClient.join(t, bob, notice([alice]));
    await a.expectLine(notice([bob]));
    const messages = [0, 1, 2].map(() => sentence(t, t.random.int(1000, 1500)));
    for (const message of messages) await a.send(message);
    for (const message of messages) {
      await b.expectLine(chatLine(alice, message), {
        hint:
          'Messages of 1,000 characters and more must arrive whole: a line can take several reads, so buffer until the \\n ' +
          '(Go: bufio.Reader.ReadString(\'\\n\'); Node: keep the tail of each chunk for the next one). Avoid fixed 1 KiB buffers.',
      });
    }
  },
});
