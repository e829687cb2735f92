import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { isPortInUse } from '../harness/port.js';
import { println, type Io } from './io.js';
import { loadLearnerProject, type LearnerProject } from './learner.js';
import { chalkFor } from './style.js';

interface Check {
  ok: boolean;
  label: string;
  fix?: string;
}

/** The first word of a shell command, if it names a program to look up on PATH. */
function commandName(command: string): string | undefined {
  const word = command.trim().split(/\s+/)[0];
  if (!word || word.includes('/') || word.includes('=')) return undefined;
  return word;
}

async function onPath(name: string, cwd: string): Promise<boolean> {
  const result = await execa('sh', ['-c', `command -v ${name}`], { cwd, reject: false });
  return result.exitCode === 0;
}

/** `byo doctor`: is everything in place to run `byo test`? Each check says how to fix what it finds. */
export async function doctorCommand(options: { color: boolean }, io: Io): Promise<number> {
  const c = chalkFor(options.color);
  const checks: Check[] = [];
  const major = Number(process.versions.node.split('.')[0]);
  checks.push({ ok: major >= 20, label: `Node.js ${process.versions.node}`, fix: 'byo needs Node.js 20 or newer.' });

  let project: LearnerProject | undefined;
  try {
    project = await loadLearnerProject(io.cwd);
    checks.push({ ok: true, label: `byo.yml: ${project.challenge.slug}, stage ${project.current.index} (${project.current.slug})` });
  } catch (error) {
    checks.push({ ok: false, label: 'byo.yml', fix: error instanceof Error ? error.message : String(error) });
  }
  if (project) {
    for (const [what, command] of [['build', project.build], ['run', project.run]] as const) {
      const name = command ? commandName(command) : undefined;
      if (!name || ['npx', 'sh', 'exec'].includes(name)) continue;
      const found = await onPath(name, project.dir);
      checks.push({ ok: found, label: `${what} command \`${name}\` found on PATH`, fix: toolchainFix(name) });
    }
    if ((project.build ?? '').includes('tsc') && !existsSync(join(project.dir, 'node_modules'))) {
      checks.push({ ok: false, label: 'node_modules', fix: 'Run `npm install` in your project first (it installs the TypeScript compiler).' });
    }
    const port = project.challenge.defaultPort;
    if (port !== undefined) {
      const busy = await isPortInUse(port);
      checks.push({
        ok: !busy,
        label: `port ${port} is free`,
        fix: `Something already listens on ${port} (an old copy of your server?). Stop it, or use \`byo test --port auto\`.`,
      });
    }
  }
  for (const check of checks) {
    println(io.stdout, `${check.ok ? c.green('✓') : c.red('✗')} ${check.label}`);
    if (!check.ok && check.fix) println(io.stdout, `    ${check.fix}`);
  }
  const failed = checks.filter((check) => !check.ok).length;
  println(io.stdout, failed ? `\n${failed} problem${failed > 1 ? 's' : ''} found.` : '\nAll good: run `npx byo-kit test`.');
  return failed ? 1 : 0;
}

function toolchainFix(name: string): string {
  const installs: Record<string, string> = {
    go: 'Install Go 1.19 or newer (https://go.dev/dl/, or `apt-get install golang-go`).',
    python3: 'Install Python 3 (`apt-get install python3`).',
    node: 'Install Node.js 20 or newer.',
  };
  return installs[name] ?? `Install \`${name}\`, or fix the command in byo.yml.`;
}
