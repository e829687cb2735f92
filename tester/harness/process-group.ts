import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * Every program the grader starts runs in its own process group (spawned `detached`), so that
 * `kill(-pgid)` reaches the shell, the learner's binary and anything it forked. This module also
 * remembers live groups so a grader that is interrupted or crashes still leaves nothing running.
 */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

export function trackGroup(pgid: number): void {
  liveGroups.add(pgid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // 'exit' handlers must be synchronous: SIGKILL is the only signal that needs no waiting.
    process.on('exit', killAllGroupsNow);
  }
}

export function untrackGroup(pgid: number): void {
  liveGroups.delete(pgid);
}

/** Sends `signal` to the whole group. False when no process of the group is left. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/**
 * True while any process of the group is alive. Signal 0 also counts zombies (dead, not yet reaped by
 * a parent that may never reap them), so on Linux the states in /proc decide.
 */
export function isGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  if (!existsSync('/proc/self/stat')) return true;
  return livingMembers(pgid).length > 0;
}

/** Pids of the group's processes that are not zombies (Linux /proc). */
function livingMembers(pgid: number): number[] {
  const living: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command name: state ppid pgrp ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') living.push(Number(entry));
    } catch {
      // The process ended while we looked: not alive.
    }
  }
  return living;
}

/** Resolves once no process of the group is alive, or after `timeoutMs` (then false). */
export async function waitForGroupExit(pgid: number, timeoutMs: number): Promise<boolean> {
  // No event exists for the death of processes we are not the parent of: poll /proc briefly.
  const deadline = Date.now() + timeoutMs;
  while (isGroupAlive(pgid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

export function killAllGroupsNow(): void {
  for (const pgid of liveGroups) signalGroup(pgid, 'SIGKILL');
  liveGroups.clear();
}
