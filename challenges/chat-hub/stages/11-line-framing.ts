import { defineStage } from '../../../tester/harness/stage.js';
import { ChatClient, chatLine, fillRoom, notice, randomNames, sentence } from '../lib/chat.js';

export default defineStage({
  slug: 'line-framing',
  title: 'Line framing',
  async run(t) {
    await t.startProgram();
    const [alice, bob, carol] = randomNames(t, 3) as [string, string, string];
    const [a, b] = (await fillRoom(t, [alice, bob])) as [ChatClient, ChatClient];

    const [one, two] = [sentence(t, t.random.int(15, 50)), sentence(t, t.random.int(15, 50))];
    await a.sendRaw(Buffer.from(`${one}\n${two}\n`, 'latin1'), `two lines in one write: ${JSON.stringify(`${one}\n${two}\n`)}`);
    const together = 'Several lines can arrive in one read: split the buffer on every \\n and handle each line, keeping any tail for the next read.';
    await b.expectLine(chatLine(alice, one), { hint: together });
    await b.expectLine(chatLine(alice, two), { hint: together });

    const slow = sentence(t, t.random.int(15, 50));
    await a.send(slow, { pieces: slow.length + 1, gapMs: 2 });
    await b.expectLine(chatLine(alice, slow), {
      hint: 'A line can arrive one byte per read: relay it once, whole, when its \\n arrives (never per read).',
    });

    const crlf = sentence(t, t.random.int(15, 50));
    await a.send(crlf, { ending: '\r\n' });
    const stripCr = 'A line ending in \\r\\n (telnet, Windows) is the text without the \\r: strip one \\r before the \\n.';
    await b.expectLine(chatLine(alice, crlf), { hint: stripCr });

    const c = await ChatClient.connect(t, carol);
    await c.readWelcome();
    await c.send(carol, { ending: '\r\n' });
    await c.expectLine(notice([alice, bob], [carol]), { what: `${carol}'s listing`, hint: stripCr });
    for (const client of [a, b]) {
      await client.expectLine(
        { ...notice([carol]), describe: `the announcement that ${carol} joined (the name without its \\r)` },
        { hint: stripCr },
      );
    }
    const last = sentence(t, t.random.int(15, 50));
    await c.send(last, { ending: '\r\n' });
    await a.expectLine(chatLine(carol, last), { hint: `${stripCr} The name too: it was sent as "${carol}\\r\\n".` });
  },
});
