import type { Client } from './client.js';
import { CommandError } from './errors.js';
import { parseLongDouble } from './float.js';
import type { Reply } from './resp-writer.js';

/** A client blocked in a command such as BLPOP, waiting for one of its keys to receive data. */
export interface Waiter {
  readonly client: Client;
  /** The keys it waits on (latin1 names), in the order it named them. */
  readonly keys: readonly string[];
  /** Try to answer from `name`, which a command just changed: the reply, or undefined to keep waiting. */
  serve(name: string): Reply | undefined;
  /** The answer when the time is up. */
  readonly timeoutReply: Reply;
}

/**
 * The clients blocked on keys, each key's in the order they blocked (Redis serves them first come, first
 * served). It is the store's change listener: a change to a key somebody waits on marks the key "ready", and
 * `serveReady` — run after each command, as Redis does after each command it executes — serves the waiters of
 * the ready keys while their lists have elements. Serving after the command, not during it, means that
 * `RPUSH k a b c` answers :3 (the length it made) before three waiters get a, b and c; and that a transaction's
 * pushes are seen only once EXEC has finished.
 */
export class BlockedClients {
  readonly #waiters = new Map<string, Waiter[]>();
  readonly #ready = new Set<string>();
  readonly #timers = new Map<Waiter, NodeJS.Timeout>();

  /** Block `waiter.client` until a key serves it or `timeoutMs` pass (0: no limit). */
  block(waiter: Waiter, timeoutMs: number): void {
    waiter.client.blocked = waiter;
    for (const name of new Set(waiter.keys)) {
      const queue = this.#waiters.get(name);
      if (queue === undefined) this.#waiters.set(name, [waiter]);
      else queue.push(waiter);
    }
    if (timeoutMs > 0) this.#arm(waiter, Date.now() + timeoutMs);
  }

  /** The store's change listener. */
  keyChanged(name: string): void {
    if (this.#waiters.has(name)) this.#ready.add(name);
  }

  /** Serve the waiters of every key that changed, oldest first, for as long as each key can serve one. */
  serveReady(): void {
    for (const name of this.#ready) {
      this.#ready.delete(name);
      for (let waiter = this.#waiters.get(name)?.[0]; waiter !== undefined; waiter = this.#waiters.get(name)?.[0]) {
        const reply = waiter.serve(name);
        if (reply === undefined) break; // empty (or not a list any more): the rest keep waiting
        this.#unblock(waiter, reply);
      }
    }
  }

  /** A client that disconnects stops waiting; nobody is served on its behalf. */
  forget(client: Client): void {
    if (client.blocked !== undefined) this.#release(client.blocked);
  }

  /** Time out at `deadline`. setTimeout takes at most ~24.8 days, so a longer wait re-arms in steps. */
  #arm(waiter: Waiter, deadline: number): void {
    const left = deadline - Date.now();
    const timer =
      left > MAX_TIMER_MS
        ? setTimeout(() => this.#arm(waiter, deadline), MAX_TIMER_MS)
        : setTimeout(() => this.#unblock(waiter, waiter.timeoutReply), left);
    this.#timers.set(waiter, timer);
  }

  #unblock(waiter: Waiter, reply: Reply): void {
    this.#release(waiter);
    waiter.client.connection.reply(reply);
    waiter.client.connection.resume();
  }

  #release(waiter: Waiter): void {
    waiter.client.blocked = undefined;
    clearTimeout(this.#timers.get(waiter));
    this.#timers.delete(waiter);
    for (const name of waiter.keys) {
      const queue = this.#waiters.get(name)?.filter((other) => other !== waiter);
      if (queue === undefined || queue.length === 0) this.#waiters.delete(name);
      else this.#waiters.set(name, queue);
    }
  }
}

/** The longest delay setTimeout honours (2^31 - 1 ms); a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A blocking command's timeout in seconds, as Redis reads it: any float (`0.5`, `1e-1`), rounded up to whole
 * milliseconds; 0 means no limit. Returns milliseconds. A value whose milliseconds do not fit in 64 bits
 * (`1e30`, `inf`) comes out negative in Redis's C conversion, hence its odd "is negative" answer.
 */
export function parseTimeout(argument: Buffer): number {
  const seconds = parseLongDouble(argument);
  if (seconds === undefined) throw new CommandError('ERR timeout is not a float or out of range');
  const milliseconds = Math.ceil(seconds * 1000);
  if (!(Math.abs(milliseconds) < 2 ** 63) || milliseconds < 0) throw new CommandError('ERR timeout is negative');
  return milliseconds;
}
