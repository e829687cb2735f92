/**
 * The room: who has joined, under which name, and what everyone hears when someone joins, talks or leaves.
 * It knows nothing about sockets; a member is anything that has a name and can be sent a line.
 */
import { chat, encodeLine, entered, left, roomContains } from './messages.js';

export interface Member {
  readonly name: string;
  /**
   * Queue one encoded line for this member. It must return at once, never wait for the bytes to leave: the room
   * calls it for every member in turn, and one member that reads slowly must not hold up the lines of the others.
   */
  send(line: Buffer): void;
}

export class Room {
  /** Joined members by name: a name is taken exactly while its member is in here. Insertion order = join order. */
  private readonly members = new Map<string, Member>();

  /**
   * Let `member` in under its name, unless that name is taken. Checking and taking happen in one call, so no two
   * clients can both be told a name is free. The newcomer is told who is already here (even when nobody is),
   * and those already here are told about the newcomer; it does not hear its own arrival.
   */
  join(member: Member): 'joined' | 'taken' {
    if (this.members.has(member.name)) return 'taken';
    member.send(encodeLine(roomContains([...this.members.keys()])));
    this.broadcast(member, entered(member.name));
    this.members.set(member.name, member);
    return 'joined';
  }

  /**
   * Take `member` out and tell the others, once: a second call, or a call for a member that never joined, does
   * nothing. Returns whether it was in the room.
   */
  leave(member: Member): boolean {
    // Identity, not just the name: a member must not evict another who holds the same name.
    if (this.members.get(member.name) !== member) return false;
    this.members.delete(member.name);
    this.broadcast(member, left(member.name));
    return true;
  }

  /** Relay one line of `from` to every other member as `[name] text`; the sender gets nothing back. */
  say(from: Member, text: string): void {
    this.broadcast(from, chat(from.name, text));
  }

  /** `text` to every member but `except`, encoded once for all of them. */
  private broadcast(except: Member, text: string): void {
    const line = encodeLine(text);
    for (const member of this.members.values()) {
      if (member !== except) member.send(line);
    }
  }
}
