import { StageFailure } from '../../../tester/harness/errors.js';
import { defineStage } from '../../../tester/harness/stage.js';
import { ChatClient, fillRoom, notice, randomNames } from '../lib/chat.js';

/** 12,000 messages of 2 KiB: 24 MiB, more than a stalled client's kernel buffers (~10 MiB) plus the largest allowed queue. */
const COUNT = 12_000;
const SIZE = 2048;
/** Lines per write from the sender, each write sent once the reader has the previous one. */
const BATCH = 100;
/** The reading client must have every message within this; a correct server needs a second or two. */
const DEADLINE_MS = 10_000;

export default defineStage({
  slug: 'slow-consumer',
  title: 'A client that stops reading',
  async run(t) {
    await t.startProgram();
    const [sender, reader, sleeper] = randomNames(t, 3) as [string, string, string];
    const [s, r, a] = (await fillRoom(t, [sleeper, reader, sender])) as [ChatClient, ChatClient, ChatClient];
    s.connection.pauseReading();
    for (const client of [s, r]) client.beQuiet();
    t.log.child(sleeper).info('(stops reading: what the server sends it piles up in its socket buffers, then in the server)');

    const filler = t.random.alnum(SIZE);
    const message = (i: number): string => `#${String(i).padStart(5, '0')} ${filler.slice(7)}`;
    t.log.info(`${sender} sends ${COUNT.toLocaleString('en-US')} messages of ${SIZE} bytes (${((COUNT * SIZE) / 1024 / 1024).toFixed(0)} MiB), ${BATCH} per write; ${reader} reads them all.`);
    const startedAt = Date.now();
    const stalled =
      `A client that does not read must not delay anyone. Keep a bounded queue per client (at most 4 MiB) and never let a write to one ` +
      `client block the others (Go: a buffered channel and a writer goroutine per client, and a non-blocking send; Node: check ` +
      `socket.writableLength). When the queue is full, disconnect that client and announce its departure.`;
    let departed = false;
    // The sender writes a batch once the reader has the previous one: the reader is never more than a batch behind, so
    // only the client that stopped reading can fall behind, whatever a server's queue bound.
    for (let from = 1; from <= COUNT; from += BATCH) {
      const upTo = Math.min(COUNT, from + BATCH - 1);
      const lines = Array.from({ length: upTo - from + 1 }, (_, i) => `${message(from + i)}\n`).join('');
      await a.connection.write(Buffer.from(lines, 'latin1'));
      for (let i = from; i <= upTo; ) {
        const left = DEADLINE_MS - (Date.now() - startedAt);
        let line: string;
        try {
          line = await r.readLine({ what: `message #${i} of ${COUNT} from ${sender}`, timeoutMs: Math.max(1, left), hint: stalled });
        } catch (error) {
          if (error instanceof StageFailure) error.message += `\n${reader} had received ${i - 1} of ${COUNT} messages after ${Date.now() - startedAt} ms, while ${sleeper} was not reading.`;
          throw error;
        }
        if (line.startsWith('*')) {
          if (!departed && notice([sleeper]).check(line) === undefined) {
            departed = true;
            t.log.child(reader).info(`← ${JSON.stringify(line)} (after ${i - 1} messages)`);
            continue;
          }
          throw new StageFailure(`${reader} expected message #${i} from ${sender} or one announcement that ${sleeper} left, got ${JSON.stringify(line)}.`, { hint: stalled });
        }
        const expected = `[${sender}] ${message(i)}`;
        if (line !== expected) {
          throw new StageFailure(`${reader} expected message #${i} from ${sender}, got ${JSON.stringify(line.slice(0, 60))}… (messages must arrive whole, in order, none lost).`, { hint: stalled });
        }
        i += 1;
      }
    }
    t.log.info(`${reader} received all ${COUNT} messages in ${Date.now() - startedAt} ms.`);
    if (!departed) {
      // A correct server's departure announcement may trail the last message by a moment: it is the next line.
      await r.expectLine(notice([sleeper]), {
        what: `the announcement that ${sleeper} left (it fell more than 4 MiB behind)`,
        hint: `${(COUNT * SIZE).toLocaleString('en-US')} bytes went to ${sleeper}, which read none: more than its socket buffers and a 4 MiB queue hold. ${stalled}`,
      });
    }

    // The stalled client reads again: a gap-free, in-order run of messages, then the end of the connection.
    s.connection.resumeReading();
    let got = 0;
    for (;;) {
      const unread = s.connection.unreadBytes();
      if (!unread.includes(0x0a) && !s.connection.isOpen()) break;
      let line: string;
      try {
        line = await s.readLine({ what: `what ${sleeper} was sent before it was disconnected`, timeoutMs: 5000 });
      } catch (error) {
        if (!s.connection.isOpen()) break;
        throw error;
      }
      const expected = `[${sender}] ${message(got + 1)}`;
      if (line !== expected) {
        throw new StageFailure(
          `${sleeper}, reading again, expected message #${got + 1} (after ${got} in order), got ${JSON.stringify(line.slice(0, 60))}: a disconnected client may lose the end of the stream, never lines in the middle.`,
          { hint: 'When a client falls behind, disconnect it; do not skip lines for it and carry on.' },
        );
      }
      got += 1;
    }
    const queued = got * (SIZE + sender.length + 3);
    t.log.info(`${sleeper} received messages #1 to #${got} in order (${(queued / 1024 / 1024).toFixed(1)} MiB), then the connection closed.`);
    if (got === COUNT) throw new StageFailure(`${sleeper} received all ${COUNT} messages: it should have been disconnected once more than 4 MiB were waiting for it.`, { hint: stalled });
  },
});
