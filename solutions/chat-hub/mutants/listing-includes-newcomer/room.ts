// Mutant: `members.set(name, member)` first, then `member.send(listing(members.keys()))` — the newcomer is added
// before its listing is built, so the listing names the newcomer itself ("* The room contains: alice" to alice).
import { entered, encodeLine, roomContains } from '../../typescript/src/messages.js';
import { type Member, Room as ReferenceRoom } from '../../typescript/src/room.js';

export type { Member };

/** The reference's member map (TypeScript-private, an ordinary property at run time): the learner's `members`. */
function membersOf(room: ReferenceRoom): Map<string, Member> {
  return (room as unknown as { members: Map<string, Member> }).members;
}

export class Room extends ReferenceRoom {
  override join(member: Member): 'joined' | 'taken' {
    const members = membersOf(this);
    if (members.has(member.name)) return 'taken';
    members.set(member.name, member); // the bug: added before the listing is built
    member.send(encodeLine(roomContains([...members.keys()])));
    const announcement = encodeLine(entered(member.name));
    for (const other of members.values()) if (other !== member) other.send(announcement);
    return 'joined';
  }
}
