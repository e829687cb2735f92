import { defineStage } from '../../../tester/harness/stage.js';
import { ChatClient, chatLine, exactly, fillRoom, notice, randomNames } from '../lib/chat.js';

const LIMIT = 65_536;

export default defineStage({
  slug: 'line-limit',
  title: 'A limit on line length',
  async run(t) {
    await t.startProgram();
    const [alice, bob, carol] = randomNames(t, 3) as [string, string, string];
    const [a, b, c] = (await fillRoom(t, [alice, bob, carol])) as [ChatClient, ChatClient, ChatClient];

    const longest = t.random.alnum(LIMIT);
    await a.send(longest, { pieces: 8, gapMs: 1 });
    const whole =
      'Lines up to 65,536 bytes (not counting the \\n) must be relayed whole. Go: bufio.Scanner stops at 64 KiB by default ' +
      '(bufio.ErrTooLong); use bufio.Reader, or Scanner.Buffer with a larger maximum.';
    await b.expectLine(chatLine(alice, longest), { hint: whole });
    await c.expectLine(chatLine(alice, longest), { hint: whole });

    // One byte over the limit and no \n: the server must give up on the line without waiting for its end. Exactly one
    // byte over, and nothing after it, so the server has read everything sent when it closes: closing a socket with
    // unread input sends a reset, which could destroy the error line before the grader reads it.
    const flood = Buffer.from(t.random.alnum(LIMIT + 1), 'latin1');
    await a.sendRaw(flood, `${flood.length} bytes without a \\n (one more than the limit)`);
    const tooLong =
      'Once more than 65,536 bytes arrive without a \\n, send "* error: line too long\\n" to that client and close its connection ' +
      '(as any departure, the others are told it left). Do not buffer without bound waiting for a \\n that may never come.';
    await a.expectLine(exactly('* error: line too long'), { what: 'the error for a line over 65,536 bytes', hint: tooLong });
    await a.expectClosed('after "* error: line too long"', { hint: tooLong });
    await b.expectLine(notice([alice]), { what: `the announcement that ${alice} left`, hint: tooLong });
    await c.expectLine(notice([alice]), { what: `the announcement that ${alice} left`, hint: tooLong });
  },
});
