// Mutant: `for (const m of members.values()) m.send(line)` — the relay loop has no `if (m !== from)`, so the sender
// gets its own message back as `[alice] …`, before whatever the others say next.
import { chat, encodeLine } from '../../typescript/src/messages.js';
import { type Member, Room as ReferenceRoom } from '../../typescript/src/room.js';

export type { Member };

export class Room extends ReferenceRoom {
  override say(from: Member, text: string): void {
    super.say(from, text);
    from.send(encodeLine(chat(from.name, text))); // the bug: the sender is one of the members it loops over
  }
}
