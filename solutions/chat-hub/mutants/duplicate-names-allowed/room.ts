// Mutant: `members.set(name, member)` with no `members.has(name)` first. A second `alice` is let in: she gets a
// listing that names alice, everyone hears alice arrive twice, and the map now points at the newcomer — the first
// alice still receives lines, but her departure no longer frees anything.
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
    // the bug: no `if (members.has(member.name)) return 'taken'`
    member.send(encodeLine(roomContains([...members.keys()])));
    const announcement = encodeLine(entered(member.name));
    for (const other of members.values()) other.send(announcement);
    members.set(member.name, member);
    return 'joined';
  }
}
