import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalogue } from '../challenges/index.js';
import { REPO } from './helpers/solutions.js';

/** Curriculum content is checked like code (rustlings' `dev check`). */
const available = catalogue.filter((entry) => entry.load);

describe.each(available.map((entry) => [entry.slug, entry] as const))('%s content', (slug, entry) => {
  const dir = join(REPO, 'challenges', slug, 'stages');
  const files = readdirSync(dir);
  const md = files.filter((f) => f.endsWith('.md')).sort();
  const ts = files.filter((f) => f.endsWith('.ts')).sort();

  it('pairs every NN-slug.md with its NN-slug.ts, with contiguous prefixes', async () => {
    expect(md.map((f) => f.replace(/\.md$/, ''))).toEqual(ts.map((f) => f.replace(/\.ts$/, '')));
    md.forEach((file, i) => expect(file.slice(0, 3)).toBe(`${String(i + 1).padStart(2, '0')}-`));
    const challenge = await entry.load?.();
    expect(challenge?.stages.map((s) => `${String(s.index).padStart(2, '0')}-${s.slug}.md`)).toEqual(md);
    expect(new Set(challenge?.stages.map((s) => s.slug)).size).toBe(md.length);
  });

  it.each(md)('%s has its title and the sections learners rely on', async (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const challenge = await entry.load?.();
    const stage = challenge?.stages.find((s) => file === `${String(s.index).padStart(2, '0')}-${s.slug}.md`);
    expect(text.split('\n')[0]).toBe(`# Stage ${stage?.index}: ${stage?.title}`);
    for (const heading of ['### Tests', '### Hint', '### Notes']) expect(text, `${file} lacks ${heading}`).toContain(`\n${heading}\n`);
  });

  it('has a starter with byo.yml and a gitignore for every language it lists', () => {
    for (const lang of entry.languages) {
      const starter = join(REPO, 'starters', slug, lang);
      const config = parse(readFileSync(join(starter, 'byo.yml'), 'utf8')) as Record<string, string>;
      expect(config.challenge).toBe(slug);
      expect(config.language).toBe(lang);
      expect(config.run).toBeTruthy();
      // npm drops .gitignore from packages: starters ship `gitignore`, and init restores the dot.
      expect(existsSync(join(starter, 'gitignore'))).toBe(true);
      expect(existsSync(join(starter, '.gitignore'))).toBe(false);
    }
  });
});

it('leaves solutions/ out of the npm package', () => {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { files: string[] };
  expect(pkg.files.some((pattern) => pattern.startsWith('solutions'))).toBe(false);
  expect(pkg.files).toContain('starters');
});
