import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { UsageError } from '../harness/errors.js';
import { starterDir } from '../harness/paths.js';
import { println, type Io } from './io.js';
import { renderInstructions } from './markdown.js';
import { chalkFor } from './style.js';
import { loadChallenge } from './target.js';

/**
 * npm leaves dotfiles like `.gitignore` out of published packages, so starters ship `gitignore`
 * and `init` restores the dot.
 */
const RENAMES: Record<string, string> = { gitignore: '.gitignore' };

/** `byo init <challenge> --lang L [dir]`: copy the starter, never overwriting a file, and show stage 1. */
export async function initCommand(slug: string, dirArg: string | undefined, options: { lang?: string; color: boolean }, io: Io): Promise<number> {
  const challenge = await loadChallenge(slug);
  const lang = options.lang;
  if (!lang || !challenge.languages.includes(lang)) {
    throw new UsageError(`Choose a language with --lang: ${challenge.languages.join(', ')}.\n  e.g. npx byo-kit init ${slug} --lang ${challenge.languages[0]} my-${slug}`);
  }
  const source = starterDir(slug, lang);
  if (!existsSync(source)) throw new UsageError(`No ${lang} starter for ${slug} in this version of byo-kit.`);
  const dest = resolve(io.cwd, dirArg ?? `my-${slug}`);
  const { copied, kept } = await copyTree(source, dest);
  const c = chalkFor(options.color);
  const shown = relative(io.cwd, dest) || '.';
  println(io.stdout, `${c.green('✓')} Created ${shown}/ from the ${lang} starter (${copied.length} files).`);
  if (kept.length) println(io.stdout, `  Kept your existing ${kept.join(', ')} (init never overwrites a file).`);
  println(io.stdout);
  const first = challenge.stages[0];
  if (first) println(io.stdout, await renderInstructions(first, options.color));
  println(io.stdout, `\n${c.bold('Next:')}`);
  println(io.stdout, `  cd ${shown}`);
  if (lang === 'typescript') println(io.stdout, '  npm install');
  println(io.stdout, '  npx byo-kit test        # builds, runs stage 1, tells you what it saw');
  return 0;
}

async function copyTree(from: string, to: string): Promise<{ copied: string[]; kept: string[] }> {
  const copied: string[] = [];
  const kept: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const source = join(dir, entry.name);
      const rel = relative(from, source);
      const target = join(to, relative(from, dir), RENAMES[entry.name] ?? entry.name);
      if (entry.isDirectory()) {
        await walk(source);
      } else if (existsSync(target)) {
        kept.push(relative(to, target));
      } else {
        await mkdir(resolve(target, '..'), { recursive: true });
        await copyFile(source, target);
        copied.push(rel);
      }
    }
  };
  await walk(from);
  return { copied, kept };
}
