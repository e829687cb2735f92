// Mutant: `const MAX_MEMBERS = 256`, a fixed table of slots that looked like plenty: once 256 members are in, the next client
// to join is told the room is full and sent away (the room's only refusal is the session's hang-up, whose
// "name taken" line follows, unread). Every test with a dozen clients passes; a crowd is turned away.
import { encodeLine } from '../../typescript/src/messages.js';
import { type Member, Room as ReferenceRoom } from '../../typescript/src/room.js';

export type { Member };

const MAX_MEMBERS = 256;

export class Room extends ReferenceRoom {
  private count = 0;

  override join(member: Member): 'joined' | 'taken' {
    if (this.count >= MAX_MEMBERS) {
      member.send(encodeLine(`* error: the room is full (${MAX_MEMBERS} members)`)); // the bug
      return 'taken';
    }
    const result = super.join(member);
    if (result === 'joined') this.count++;
    return result;
  }

  override leave(member: Member): boolean {
    const wasIn = super.leave(member);
    if (wasIn) this.count--;
    return wasIn;
  }
}
