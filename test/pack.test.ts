import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from './helpers/solutions.js';

/**
 * The published package, as a stranger gets it: `npm pack`, then `npx <tarball>` in an empty folder.
 * Installing the tarball's dependencies needs the npm registry (CI has it).
 */
let work: string;
let tarball: string;
let files: string[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'byo-pack-'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const [info] = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(work, info?.filename ?? '');
  files = info?.files.map((f) => f.path) ?? [];
}, 180_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('npm package', () => {
  it('ships the compiled CLI, instructions and starters, and no solutions', () => {
    expect(files).toContain('dist/bin/byo.js');
    expect(files).toContain('challenges/http-server/stages/04-echo.md');
    expect(files).toContain('starters/http-server/go/gitignore');
    expect(files).toContain('starters/http-server/go/byo.yml');
    expect(files.filter((f) => f.startsWith('solutions/'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.test.js'))).toEqual([]);
  });

  it('runs from the tarball in an empty folder: list, then init a Go project', async () => {
    const npx = (args: string[]) =>
      // A relative `./x.tgz` is read as a package; an absolute path would be run as a command.
      execFileSync('npx', ['--yes', `./${basename(tarball)}`, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    expect(npx(['list'])).toContain('http-server');
    const init = npx(['init', 'http-server', '--lang', 'go', 'my-http']);
    expect(init).toContain('Stage 1: Bind to a port');
    expect(await readFile(join(work, 'my-http', 'byo.yml'), 'utf8')).toContain('challenge: http-server');
    expect(await readFile(join(work, 'my-http', '.gitignore'), 'utf8')).toContain('.byo/');
  }, 180_000);
});
