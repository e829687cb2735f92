import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The kit's root (where package.json is), found from this file: the same code runs from `dist/` after
 * a build and from the sources under vitest, and instructions (.md) and starters are never compiled.
 */
export const KIT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`byo: cannot find the kit's package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export function challengeDir(slug: string): string {
  return join(KIT_ROOT, 'challenges', slug);
}

export function starterDir(slug: string, language: string): string {
  return join(KIT_ROOT, 'starters', slug, language);
}
