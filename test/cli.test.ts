import { mkdtemp, mkdir, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../tester/cli/run-cli.js';
import { captureIo } from './helpers/grade.js';
import { REPO } from './helpers/solutions.js';

const reference = join(REPO, 'solutions', 'http-server', 'typescript');
const programs = join(REPO, 'test', 'programs');
const temps: string[] = [];
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});
async function temp(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

async function cli(args: string[], cwd = REPO) {
  const io = captureIo(cwd);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('byo grade', () => {
  it('exit 0, a JSON report on stdout and a JUnit file, with the seed in both', async () => {
    const dir = await temp('byo-reports-');
    const xml = join(dir, 'report.xml');
    const { code, out, err } = await cli(['grade', reference, '--stages', 'bind,echo', '--port', 'auto', '--seed', '5', '--reporter', 'json', '--reporter', 'junit', '--output', xml]);
    expect(code, err).toBe(0);
    const report = JSON.parse(out) as { seed: number; stages: Array<{ slug: string; status: string }>; summary: unknown };
    expect(report.seed).toBe(5);
    expect(report.stages.map((s) => `${s.slug}:${s.status}`)).toEqual(['bind:passed', 'echo:passed']);
    expect(report.summary).toEqual({ passed: 2, failed: 0, skipped: 0 });
    const junit = await readFile(xml, 'utf8');
    expect(junit).toContain('<testcase');
    expect(junit).toContain('name="seed" value="5"');
  });

  it('exit 1 when a stage fails, with the precise reason and the remaining stages skipped', async () => {
    const { code, out } = await cli([
      'grade', '--challenge', 'http-server', '--run', `node ${join(programs, 'no-crlf.mjs')}`, '--until', 'not-found', '--port', 'auto', '--reporter', 'json',
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(out) as { stages: Array<{ slug: string; status: string; message: string }> };
    expect(report.stages.map((s) => s.status)).toEqual(['passed', 'failed', 'skipped']);
    expect(report.stages[1]?.message).toContain('\\n');
    expect(report.stages[2]?.message).toBe('Not run: stage 2 (respond-200) failed first.');
  });

  it('exit 2 with the compiler output when the build fails, and every stage reported as not run', async () => {
    const { code, err, out } = await cli([
      'grade', '--challenge', 'http-server', '--run', 'true', '--build', "echo 'main.go:3: undefined: nett' >&2; exit 1", '--all', '--reporter', 'json',
    ]);
    expect(code).toBe(2);
    expect(err).toContain('The build failed');
    expect(err).toContain('main.go:3: undefined: nett');
    const report = JSON.parse(out) as { summary: { skipped: number } };
    expect(report.summary.skipped).toBe(28);
  });

  it.each([
    [['grade', '--run', 'x'], '--run needs --challenge'],
    [['grade', '--challenge', 'http-server', '--run', 'x', '--stages', 'nope'], 'no stage "nope" in http-server'],
    [['grade', '--challenge', 'http-server', '--run', 'x', '--reporter', 'xml'], 'Unknown reporter "xml"'],
    [['grade', '--challenge', 'http-server', '--run', 'x', '--all', '--until', 'echo'], 'Use only one of --all, --stages and --until.'],
    [['grade', '--challenge', 'http-server', '--run', 'x', '--seed', 'abc'], '--seed takes a whole number'],
    [['grade', '--challenge', 'sql-engine', '--run', 'x'], 'not available yet'],
    [['grade', '/nonexistent-dir'], 'No byo.yml in /nonexistent-dir'],
  ])('exit 2 for usage errors: %j', async (args, message) => {
    const { code, err } = await cli(args);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it('exit 2 when the chosen port is taken, suggesting --port auto', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const { code, err } = await cli(['grade', reference, '--stages', 'bind', '--port', String(port)]);
      expect(code).toBe(2);
      expect(err).toContain(`Port ${port} is already in use`);
      expect(err).toContain('--port auto');
    } finally {
      server.close();
    }
  });

  it('grades a CodeCrafters repository unchanged: compile.sh once, run.sh per stage, port 4221, no extra arguments', async () => {
    const repo = await temp('byo-codecrafters-');
    await mkdir(join(repo, '.codecrafters'));
    const bundle = join(repo, 'server.mjs');
    await writeFile(
      join(repo, '.codecrafters', 'compile.sh'),
      `#!/bin/sh\nset -e\ncd "${reference}" && node ../../build-mutant.mjs . && cp .byo/server.mjs "${bundle}"\n`,
    );
    // Like CodeCrafters' own run.sh: exec the binary with whatever arguments the tester passes.
    await writeFile(join(repo, '.codecrafters', 'run.sh'), `#!/bin/sh\nexec node "${bundle}" "$@"\n`);
    await writeFile(join(repo, 'your_program.sh'), '#!/bin/sh\necho "not used when .codecrafters/run.sh exists"; exit 1\n');
    for (const f of ['.codecrafters/compile.sh', '.codecrafters/run.sh', 'your_program.sh']) await chmod(join(repo, f), 0o755);
    const { code, out, err } = await cli(['grade', repo, '--challenge', 'http-server', '--until', 'get-file']);
    expect(code, out + err).toBe(0);
    expect(out).toContain('$ sh .codecrafters/run.sh --directory /');
    expect(out).not.toContain('--port');
  });

  it('asks for --challenge when a CodeCrafters repository has no byo.yml', async () => {
    const repo = await temp('byo-codecrafters-');
    await writeFile(join(repo, 'your_program.sh'), '#!/bin/sh\n');
    const { code, err } = await cli(['grade', repo]);
    expect(code).toBe(2);
    expect(err).toContain('looks like a CodeCrafters repository');
  });
});

describe('byo list, show, hint', () => {
  it('lists the catalogue with stage counts and what is coming', async () => {
    const { code, out } = await cli(['list']);
    expect(code).toBe(0);
    expect(out).toMatch(/http-server\s+Build your own HTTP\/1.1 server \(28 stages\)/);
    expect(out).toMatch(/redis\s+Build your own Redis \(56 stages\)/);
    expect(out).toMatch(/sql-engine\s+Build your own SQL engine \(coming soon\)/);
  });

  it('shows a stage by number or slug, without colors when not on a TTY', async () => {
    const byNumber = await cli(['show', '4', '--challenge', 'http-server']);
    const bySlug = await cli(['show', 'echo', '--challenge', 'http-server']);
    expect(byNumber.out).toBe(bySlug.out);
    expect(byNumber.out.startsWith('# Stage 4: Respond with a body')).toBe(true);
    expect(byNumber.out).not.toContain('\x1b[');
  });

  it('prints just the hint', async () => {
    const { code, out } = await cli(['hint', 'pipelining', '--challenge', 'http-server']);
    expect(code).toBe(0);
    expect(out).toContain('Hint for stage 15 (pipelining):');
    expect(out).not.toContain('### Notes');
  });

  it('prints its version', async () => {
    const pkg = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { version: string };
    const { code, out } = await cli(['--version']);
    expect(code).toBe(0);
    expect(out.trim()).toBe(pkg.version);
  });
});

describe('byo status and doctor in a project', () => {
  it('status shows the last run and where you are; doctor checks the setup', async () => {
    const work = await temp('byo-status-');
    expect((await cli(['init', 'http-server', '--lang', 'python', 'p'], work)).code).toBe(0);
    const dir = join(work, 'p');
    expect((await cli(['test', '--port', 'auto'], dir)).code).toBe(1);
    const status = await cli(['status'], dir);
    expect(status.code).toBe(0);
    expect(status.out).toMatch(/✗ {2}1 {2}bind\s+Bind to a port ← you are here/);
    expect(status.out).toContain('0/28 stages passed in the last run.');
    const doctor = await cli(['doctor'], dir);
    expect(doctor.out).toContain('✓ byo.yml: http-server, stage 1 (bind)');
    expect(doctor.out).toContain('✓ run command `python3` found on PATH');
  });
});
