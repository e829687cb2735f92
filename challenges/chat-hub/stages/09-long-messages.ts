import { defineStage } from '../../../tester/harness/stage.js';
import { ChatClient, chatLine, fillRoom, randomNames, sentence } from '../lib/chat.js';

export default defineStage({
  slug: 'long-messages',
  title: 'Long messages',
  async run(t) {
    await t.startProgram();
    const [alice, bob] = randomNames(t, 2) as [string, string];
    const [a, b] = (await fillRoom(t, [alice, bob])) as [ChatClient, ChatClient];
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
