/** How a program ended. */
export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all. */
  spawnError?: string | undefined;
}

/** "exited with code 1", "was killed by SIGSEGV", for messages like "Your program ___ before listening". */
export function describeExit(exit: ExitInfo | undefined): string {
  if (!exit) return 'stopped';
  if (exit.spawnError) return `could not be started (${exit.spawnError})`;
  if (exit.signal) return `was killed by ${exit.signal}`;
  return `exited with code ${exit.code ?? 'unknown'}`;
}
