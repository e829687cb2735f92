import { defineStage } from '../../../tester/harness/stage.js';
import { ChatClient } from '../lib/chat.js';
import { StageFailure } from '../../../tester/harness/errors.js';

export default defineStage({
  slug: 'welcome',
  title: 'Welcome a client',
  async run(t) {
    await t.startProgram();
    const first = await ChatClient.connect(t, 'client-1');
    const welcome = await first.readWelcome();
    if (welcome.length === 0 || !/^[\x20-\x7e]+$/.test(welcome)) {
      throw new StageFailure(`client-1 expected a welcome line of printable ASCII text, got ${JSON.stringify(welcome)}.`, {
        hint: 'Send a line of text that asks for a name, e.g. "Welcome to budgetchat! What shall I call you?\\n".',
      });
    }
    // A second client's welcome proves the server is serving connections; by then client-1 must have nothing more.
    const second = await ChatClient.connect(t, 'client-2');
    await second.readWelcome();
    first.expectNothing('it has not sent a name yet: the welcome is one line', 'Send exactly one welcome line, then wait for the name.');
    second.expectNothing('it has not sent a name yet: the welcome is one line', 'Send exactly one welcome line, then wait for the name.');
  },
});
