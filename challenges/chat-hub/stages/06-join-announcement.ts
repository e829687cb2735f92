import { defineStage } from '../../../tester/harness/stage.js';
import { ChatClient, notice, randomNames } from '../lib/chat.js';

export default defineStage({
  slug: 'join-announcement',
  title: 'Announce newcomers',
  async run(t) {
    await t.startProgram();
    const [alice, bob, carol, dave, erin] = randomNames(t, 5) as [string, string, string, string, string];
    const a = await ChatClient.join(t, alice);
    const b = await ChatClient.join(t, bob, notice([alice]));
    const hint =
      'When a client joins, send everyone already in the room one line starting with `*` that contains the new name, ' +
      'e.g. "* carol has entered the room". The newcomer itself gets the listing instead.';
    await a.expectLine(notice([bob]), { what: `the announcement that ${bob} joined`, hint });

    // erin connects now but does not join: nothing that follows may reach her until she does.
    const e = await ChatClient.connect(t, erin);
    await e.readWelcome();

    const c = await ChatClient.join(t, carol, notice([alice, bob]));
    await a.expectLine(notice([carol]), { what: `the announcement that ${carol} joined`, hint });
    await b.expectLine(notice([carol]), { what: `the announcement that ${carol} joined`, hint });

    // A client whose name is illegal comes and goes: nobody is told.
    const illegal = await ChatClient.connect(t, 'illegal');
    await illegal.readWelcome();
    await illegal.sendRaw(Buffer.from('no such name!\n'), '"no such name!\\n" (an illegal name)');
    await illegal.expectClosed('an illegal name', { maxLines: 1 });

    const d = await ChatClient.join(t, dave, notice([alice, bob, carol]));
    const nobodyHint = 'Only clients that joined with a legal name are announced, and only to clients that have joined.';
    for (const client of [a, b, c]) {
      await client.expectLine(notice([dave]), { what: `the announcement that ${dave} joined (and nothing about the illegal name before it)`, hint: nobodyHint });
    }
    d.expectNothing('it is the newest in the room', 'The newcomer receives the listing, not an announcement of itself.');
    c.expectNothing(`only ${dave} joined after it`, 'A newcomer is not announced to itself.');

    await e.send(erin);
    await e.expectLine(notice([alice, bob, carol, dave], [erin]), {
      what: `${erin}'s listing, right after her welcome`,
      hint: 'A client that has not joined yet must receive nothing but the welcome: announce joins only to joined clients.',
    });
  },
});
