// Mutant: `if (members.size > 0) member.send(listing)` — the listing is only sent when there is somebody to list.
// Everyone after the first client gets theirs; the first one to join is told nothing, and a client waiting for the
// listing to know it is in waits forever.
import { type Member, Room as ReferenceRoom } from '../../typescript/src/room.js';

export type { Member };

/** The reference's member map (TypeScript-private, an ordinary property at run time): the learner's `members`. */
function membersOf(room: ReferenceRoom): Map<string, Member> {
  return (room as unknown as { members: Map<string, Member> }).members;
}

export class Room extends ReferenceRoom {
  override join(member: Member): 'joined' | 'taken' {
    const members = membersOf(this);
    if (members.size > 0) return super.join(member);
    members.set(member.name, member); // the bug: nobody to list, so no listing (and nobody to announce to)
    return 'joined';
  }
}
