// Mutant: the arrival is announced with the function that already sends a line to everyone else —
// `room.say(member, '* carol has entered the room')` — but that is the chat relay, which prefixes the sender's
// name: the others receive `[carol] * carol has entered the room`, a chat message, not a `*` notice.
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
    member.send(encodeLine(roomContains([...members.keys()])));
    members.set(member.name, member);
    this.say(member, entered(member.name)); // the bug: relayed as `[name] * name has entered the room`
    return 'joined';
  }
}
