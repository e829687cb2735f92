import type { Waiter } from './blocking.js';
import type { Reply } from './resp-writer.js';

/** How commands reach a client's connection outside the usual "one command in, one reply out" order. */
export interface ClientConnection {
  /** Send a reply that was left owing: a BLPOP answered by another client's push, or by its timeout. */
  reply(reply: Reply): void;
  /** Send a pub/sub message. A subscriber too far behind is disconnected instead (see connection.ts). */
  push(message: Reply): void;
  /** The client is no longer blocked: go on with the commands it sent in the meantime. */
  resume(): void;
}

/**
 * One connection's state, as far as commands are concerned: what Redis keeps in its `client` struct. Each
 * feature owns a few fields (transactions.ts, pubsub.ts, blocking.ts) and the shared registries point back here,
 * so that one client's command can reach another client (PUBLISH to subscribers, RPUSH to a blocked BLPOP).
 */
export class Client {
  readonly connection: ClientConnection;

  /** Between MULTI and EXEC/DISCARD: the queued commands, and whether one was refused while queueing. */
  transaction: { queued: (() => Reply)[]; refused: boolean } | undefined;
  /** Inside EXEC: a blocking command must not block, it answers as if its time were up. */
  executing = false;
  /** WATCHed keys (latin1 names), and whether one of them was written since: EXEC then answers `*-1`. */
  readonly watched = new Set<string>();
  watchedKeyChanged = false;

  /** Subscribed channels and patterns (latin1). While there is any, only a few commands are allowed. */
  readonly channels = new Set<string>();
  readonly patterns = new Set<string>();

  /** Set while a BLPOP waits: the connection runs none of the client's later commands until it is answered. */
  blocked: Waiter | undefined;
  /** QUIT: the connection closes once this command's reply is out. */
  closeAfterReply = false;

  constructor(connection: ClientConnection) {
    this.connection = connection;
  }

  /** What SUBSCRIBE and UNSUBSCRIBE report: channels and patterns together, as in Redis. */
  get subscriptions(): number {
    return this.channels.size + this.patterns.size;
  }
}
