import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const REPO = join(import.meta.dirname, '..', '..');

export interface Mutant {
  name: string;
  dir: string;
  failsAt: string;
  /** The bug, from the `# Bug:` comment at the top of its byo.yml. */
  bug: string;
}

/** Every mutant of a challenge, with the stage it declares it fails at. */
export function listMutants(challenge: string): Mutant[] {
  const root = join(REPO, 'solutions', challenge, 'mutants');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(root, entry.name);
      const text = readFileSync(join(dir, 'byo.yml'), 'utf8');
      const config = parse(text) as { failsAt?: string };
      if (!config.failsAt) throw new Error(`${dir}/byo.yml has no failsAt:`);
      const bug = /^#\s*Bug:\s*(.+)$/m.exec(text)?.[1] ?? '';
      return { name: entry.name, dir, failsAt: config.failsAt, bug };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
