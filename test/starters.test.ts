import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../tester/cli/run-cli.js';
import { captureIo } from './helpers/grade.js';
import { REPO } from './helpers/solutions.js';
import { hasCommand, requireToolchain } from './helpers/toolchain.js';

/**
 * The learner's first minutes, through the real CLI: `init` copies the starter, `test` fails stage 1
 * with a kind message, uncommenting the marked block makes it pass, and `next` advances byo.yml
 * (keeping its comments) and prints stage 2's instructions.
 */
const starters = [
  { lang: 'go', file: 'app/main.go', comment: '//', toolchain: 'go', install: 'Install Go (apt-get install golang-go) to test the Go starter' },
  { lang: 'typescript', file: 'src/main.ts', comment: '//', toolchain: 'node', install: '' },
  { lang: 'python', file: 'app/main.py', comment: '#', toolchain: 'python3', install: 'Install Python 3 (apt-get install python3) to test the Python starter' },
];

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** Removes the comment token after the indentation of every line between the BYO-STAGE-1 markers. */
export function enableStageOne(source: string, comment: string): string {
  let inside = false;
  return source
    .split('\n')
    .map((line) => {
      if (line.includes('BYO-STAGE-1 BEGIN')) {
        inside = true;
        return line;
      }
      if (line.includes('BYO-STAGE-1 END')) {
        inside = false;
        return line;
      }
      return inside ? line.replace(new RegExp(`^(\\s*)${comment} `), '$1') : line;
    })
    .join('\n');
}

const tracks = [
  { challenge: 'http-server', second: 'Stage 2: Respond with 200', secondSlug: 'respond-200' },
  { challenge: 'redis', second: 'Stage 2: Respond to PING', secondSlug: 'ping' },
  { challenge: 'chat-hub', second: 'Stage 2: Welcome a client', secondSlug: 'welcome' },
];
const cases = tracks.flatMap((track) => starters.map((starter) => ({ ...track, ...starter })));

describe.concurrent('starters', () => {
  it.each(cases)('$challenge/$lang: init → test fails kindly → uncomment → test passes → next', async ({ challenge, second: secondTitle, secondSlug, lang, file, comment, toolchain, install }) => {
    if (toolchain !== 'node' && !requireToolchain(toolchain, install)) return;
    const work = await mkdtemp(join(tmpdir(), `byo-starter-${lang}-`));
    made.push(work);
    const init = captureIo(work);
    expect(await runCli(['init', challenge, '--lang', lang, 'my-http'], init), init.err()).toBe(0);
    expect(init.out()).toContain('Stage 1: Bind to a port');
    const dir = join(work, 'my-http');
    const byoYml = await readFile(join(dir, 'byo.yml'), 'utf8');
    expect(byoYml).toContain('stage: bind');
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toContain('.byo/');
    if (lang === 'typescript') await symlink(join(REPO, 'node_modules'), join(dir, 'node_modules'));

    const first = captureIo(dir);
    expect(await runCli(['test', '--port', 'auto', '--seed', '7'], first), first.out() + first.err()).toBe(1);
    expect(first.out()).toMatch(/Your program exited with code 0 before listening on port \d+\./);
    expect(first.out()).toContain('[your_program] Logs from your program will appear here!');
    expect(first.out()).toContain('BYO-STAGE-1');

    const source = join(dir, file);
    await writeFile(source, enableStageOne(await readFile(source, 'utf8'), comment));
    const second = captureIo(dir);
    expect(await runCli(['test', '--port', 'auto', '--seed', '7'], second), second.out()).toBe(0);
    expect(second.out()).toContain('1 passed, 0 failed');
    expect(first.out()).toContain(`byo · ${challenge}`);

    const next = captureIo(dir);
    expect(await runCli(['next', '--port', 'auto'], next), next.out()).toBe(0);
    expect(next.out()).toContain(secondTitle);
    const advanced = await readFile(join(dir, 'byo.yml'), 'utf8');
    expect(advanced).toBe(byoYml.replace('stage: bind', `stage: ${secondSlug}`));
  });
});

it('init never overwrites a file the learner already has', async () => {
  const work = await mkdtemp(join(tmpdir(), 'byo-init-'));
  made.push(work);
  await writeFile(join(work, 'byo.yml'), '# mine\n');
  const io = captureIo(work);
  expect(await runCli(['init', 'http-server', '--lang', 'python', '.'], io), io.err()).toBe(0);
  expect(await readFile(join(work, 'byo.yml'), 'utf8')).toBe('# mine\n');
  expect(io.out()).toContain('Kept your existing byo.yml');
  expect(hasCommand('sh')).toBe(true);
});
