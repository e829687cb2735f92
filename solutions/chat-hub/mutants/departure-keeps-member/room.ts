// Mutant: on disconnect the learner broadcasts `* bob has left the room` and forgets `members.delete(name)`. The
// others are told, but bob stays a member: every later listing names him, and lines keep being "sent" to his
// closed connection.
import { encodeLine, left } from '../../typescript/src/messages.js';
import { type Member, Room as ReferenceRoom } from '../../typescript/src/room.js';

export type { Member };

/** The reference's member map (TypeScript-private, an ordinary property at run time): the learner's `members`. */
function membersOf(room: ReferenceRoom): Map<string, Member> {
  return (room as unknown as { members: Map<string, Member> }).members;
}

export class Room extends ReferenceRoom {
  override leave(member: Member): boolean {
    const members = membersOf(this);
    if (members.get(member.name) !== member) return false;
    // the bug: no members.delete(member.name)
    const announcement = encodeLine(left(member.name));
    for (const other of members.values()) if (other !== member) other.send(announcement);
    return true;
  }
}
