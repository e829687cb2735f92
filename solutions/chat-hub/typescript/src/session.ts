/**
 * One client connection, from the welcome line to the moment it is gone.
 *
 *   naming ──legal, free name──▶ joined ──disconnect, error, line too long, too far behind──▶ gone
 *     └──illegal or taken name, line too long, disconnect──────────────────────────────────────▶ gone
 *
 * Every way out goes through `depart()`, which is the only place that leaves the room: whatever ends a session
 * (the client closing, a reset, a socket error, a line over the limit), and however many of those happen
 * together, the others hear about a joined client's departure exactly once, and about an unjoined one never.
 */
import type { Socket } from 'node:net';
import { LineReader } from './line-reader.js';
import { ILLEGAL_NAME, LINE_TOO_LONG, NAME_TAKEN, WELCOME, encodeLine } from './messages.js';
import { isLegalName } from './names.js';
import { MAX_PENDING_BYTES } from './outbox.js';
import type { Member, Room } from './room.js';

/**
 * After the hub closes its side, how long the client gets to close its own. Until then the hub keeps reading (and
 * dropping) what it sends: closing a socket with unread bytes makes the kernel send a reset, which can destroy
 * the error line before the client reads it. A client that never closes is cut off after this.
 */
const LINGER_MS = 5_000;

type State = 'naming' | 'joined' | 'gone';

/** Serve one connection: send the welcome, then read lines until the client or the hub ends it. */
export function startSession(socket: Socket, room: Room): void {
  new Session(socket, room).start();
}

class Session implements Member {
  private state: State = 'naming';
  /** Empty until the client's first line passed the name rules. */
  name = '';
  private lingerTimer: NodeJS.Timeout | undefined;
  private readonly reader = new LineReader({
    onLine: (line) => this.onLine(line),
    onTooLong: () => this.hangUp(LINE_TOO_LONG),
  });

  constructor(
    private readonly socket: Socket,
    private readonly room: Room,
  ) {}

  start(): void {
    this.socket.on('data', (chunk: Buffer) => this.reader.push(chunk));
    // The client finished sending (FIN). It can say nothing more, so it has left; the socket closes our side by
    // itself (allowHalfOpen is off). Leaving now, not at 'close', tells the others at once even if lines are
    // still queued for a client that stopped reading.
    this.socket.on('end', () => this.depart());
    // A reset or another socket failure: nothing to do here but not crash; 'close' always follows.
    this.socket.on('error', () => {});
    this.socket.on('close', () => {
      clearTimeout(this.lingerTimer);
      this.depart();
    });
    this.send(encodeLine(WELCOME));
  }

  /**
   * Queue bytes for this client without waiting for them to be sent (see Member.send): Node buffers what the
   * kernel will not take yet. Nothing is written once the socket is closing: the client is gone or being sent off.
   */
  send(line: Buffer): void {
    if (!this.socket.writable) return;
    if (this.socket.writableLength + line.length > MAX_PENDING_BYTES) return this.dropSlowConsumer();
    this.socket.write(line);
  }

  /**
   * A client more than MAX_PENDING_BYTES behind is cut off: out of the room first (the others are told, like any
   * departure), then the socket is destroyed, dropping what was queued for it. Called from inside a broadcast,
   * which is safe: the room's Map skips members deleted while it is being iterated.
   */
  private dropSlowConsumer(): void {
    this.depart();
    this.socket.destroy();
  }

  private onLine(line: string): void {
    switch (this.state) {
      case 'naming':
        return this.chooseName(line);
      case 'joined':
        return this.room.say(this, line);
      case 'gone':
        return; // lines that came in the same read as the one that ended the session
    }
  }

  /** The first line is the name: refused if illegal or taken (one line saying why, then the hub hangs up). */
  private chooseName(line: string): void {
    if (!isLegalName(line)) return this.hangUp(ILLEGAL_NAME);
    this.name = line;
    if (this.room.join(this) === 'taken') return this.hangUp(NAME_TAKEN);
    this.state = 'joined';
  }

  /**
   * The hub ends the session: the others are told first (the client is out of the room from this moment), then
   * the client gets `why` and the connection is closed once the line is flushed: `end()` sends what is queued,
   * then a FIN. Reading goes on until the client closes too, or LINGER_MS pass.
   */
  private hangUp(why: string): void {
    if (this.state === 'gone') return;
    this.depart();
    this.socket.end(encodeLine(why));
    this.lingerTimer = setTimeout(() => this.socket.destroy(), LINGER_MS);
    this.lingerTimer.unref(); // a lingering client must not keep the process alive at shutdown
  }

  /** Leave for good: announced to the room if the client had joined; a no-op the second time. */
  private depart(): void {
    if (this.state === 'joined') this.room.leave(this);
    this.state = 'gone';
  }
}
