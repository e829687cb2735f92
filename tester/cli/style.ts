import { Chalk, type ChalkInstance } from 'chalk';

/** A chalk that colors only when allowed (TTY, no NO_COLOR, no --no-color): see io.ts `shouldColor`. */
export function chalkFor(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
