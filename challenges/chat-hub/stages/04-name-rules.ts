import { StageFailure } from '../../../tester/harness/errors.js';
import { defineStage } from '../../../tester/harness/stage.js';
import { ChatClient, notice } from '../lib/chat.js';

const ILLEGAL = [
  ['', 'an empty name'],
  ['two words', 'a space'],
  ['x!y', 'punctuation'],
  ['\u00fcn\u00ef', 'non-ASCII letters'],
  ['-dash', 'a dash'],
  ['a.b', 'a dot'],
] as const;

export default defineStage({
  slug: 'name-rules',
  title: 'Name rules',
  async run(t) {
    await t.startProgram();
    const hint =
      'A name is 1 or more ASCII letters and digits ([A-Za-z0-9]), at least 16 allowed. For anything else you may send ' +
      'one line saying why, then close the connection (Go: conn.Close(); Node: socket.end()).';
    for (const [name, why] of t.random.shuffle([...ILLEGAL]).slice(0, 3)) {
      const client = await ChatClient.connect(t, `illegal-${t.random.int(100, 999)}`);
      await client.readWelcome();
      await client.sendRaw(Buffer.from(`${name}\n`, 'utf8'), `${JSON.stringify(`${name}\n`)} (an illegal name: ${why})`);
      await client.expectClosed(`the name ${JSON.stringify(name)} has ${why}`, { maxLines: 1, hint });
    }
    const long = Array.from({ length: 16 }, () => t.random.pick([...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'])).join('');
    const digits = String(t.random.int(1000, 99999));
    const legalHint = 'Names of 1 to 16 (or more) ASCII letters and digits are legal, digits alone too: accept them and send the listing.';
    const accepted = { ...notice(), hint: legalHint };
    const joined: ChatClient[] = [];
    for (const name of [long, digits]) {
      const refused = (line: string) => (/error|invalid|illegal/i.test(line) ? `but it reads like a refusal` : accepted.check(line));
      joined.push(
        await ChatClient.join(t, name, { ...accepted, check: refused }).catch((error: unknown) => {
          if (error instanceof Error) error.message = `${error.message}\nThe name ${JSON.stringify(name)} is legal (${name.length} letters and digits).`;
          throw error;
        }),
      );
    }
    // Another client's welcome shows the server moved on; a legal name's connection must still be open by then.
    const later = await ChatClient.connect(t, 'client-later');
    await later.readWelcome();
    for (const client of joined) {
      if (!client.connection.isOpen()) {
        throw new StageFailure(`${client.name}: the server closed the connection after the name ${JSON.stringify(client.name)}, which is legal.`, { hint: legalHint });
      }
    }
  },
});
