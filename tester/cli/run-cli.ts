import { Command, CommanderError, Option } from 'commander';
import { InternalError, UsageError } from '../harness/errors.js';
import { println, shouldColor, type Io } from './io.js';
import { parseReporterArgs } from './reporter-args.js';
import { VERSION } from './version.js';

/**
 * The CLI as a pure function of argv and io: tests run it in-process. Every error funnels into one
 * catch: UsageError → exit 2 with its fix-it text; anything unexpected → exit 2, "grader bug, please report".
 */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  const program = new Command('byo')
    .description('Build your own HTTP server, chat hub, Redis, gRPC streamer and SQL engine — graded over the wire.')
    .version(VERSION, '-v, --version')
    .option('--no-color', 'never use colors')
    .option('--color', 'use colors even when not on a terminal')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  const color = () => {
    const raw = argv.includes('--no-color') ? false : argv.includes('--color') ? true : undefined;
    return shouldColor(io, raw);
  };
  const set = (code: number) => {
    exitCode = code;
  };

  program
    .command('init')
    .description('start a challenge: copy a starter and show stage 1')
    .argument('<challenge>', 'challenge slug (byo list)')
    .argument('[dir]', 'directory to create (default: my-<challenge>)')
    .option('-l, --lang <language>', 'starter language (go, typescript, python)')
    .action(async (slug: string, dir: string | undefined, opts: { lang?: string }) =>
      set(await (await import('./init.js')).initCommand(slug, dir, { ...opts, color: color() }, io)),
    );

  program
    .command('test')
    .description('build, then run stages 1..current; stop at the first failure')
    .option('--seed <n>', 'replay the random inputs of an earlier run')
    .option('--port <n|auto>', 'port for your program (auto: a free one, passed as --port N)')
    .option('--debug', 'show raw bytes sent and received')
    .action(async (opts: { seed?: string; port?: string; debug?: boolean }) =>
      set(await (await import('./test.js')).testCommand({ ...opts, color: color() }, io)),
    );

  program
    .command('next')
    .description('re-verify, advance to the next stage, print its instructions')
    .option('--seed <n>', 'replay the random inputs of an earlier run')
    .option('--port <n|auto>', 'port for your program')
    .action(async (opts: { seed?: string; port?: string }) =>
      set(await (await import('./next.js')).nextCommand({ ...opts, color: color() }, io)),
    );

  program
    .command('grade')
    .description('grade non-interactively (CI): reports, exit 0 passed · 1 failed · 2 usage/build error')
    .argument('[dir]', 'project directory (byo.yml, or a CodeCrafters repo with --challenge)')
    .option('--challenge <slug>', 'which challenge (needed with --run or for CodeCrafters repos)')
    .option('--run <command>', 'grade this command instead of byo.yml (e.g. "redis-server")')
    .option('--build <command>', 'build command to run once first (with --run)')
    .option('--all', 'every stage of the challenge')
    .option('--stages <slugs>', 'only these stages, comma-separated (slugs or numbers)')
    .option('--until <slug>', 'stages 1..slug')
    .option('--keep-going', 'run the remaining stages after a failure')
    .addOption(new Option('--reporter <name>', 'pretty|json|junit|tap|github|exercism (repeatable)').argParser(collect))
    .addOption(new Option('-o, --output <file>', 'write the reporter before it to FILE').argParser(collect))
    .option('--seed <n>', 'seed for random inputs (printed in every report)')
    .option('--port <n|auto>', 'port for the program; auto picks a free one and passes --port N')
    .option('--debug', 'show raw bytes sent and received')
    .action(async (dir: string | undefined, opts: Record<string, unknown>) => {
      const grade = await import('./grade.js');
      set(
        await grade.gradeCommand(
          {
            ...(opts as Omit<Parameters<typeof grade.gradeCommand>[0], 'color' | 'reporterChoices'>),
            dir,
            // grade is for scripts and CI: no colors unless asked for with --color.
            color: argv.includes('--color'),
            reporterChoices: parseReporterArgs(argv, 'pretty'),
          },
          io,
        ),
      );
    });

  program
    .command('status')
    .description('your progress through the stages')
    .action(async () => set(await (await import('./status.js')).statusCommand({ color: color() }, io)));

  program
    .command('show')
    .description("a stage's instructions (default: the current stage)")
    .argument('[stage]', 'slug or number')
    .option('--challenge <slug>', 'outside a project: which challenge')
    .action(async (stage: string | undefined, opts: { challenge?: string }) =>
      set(await (await import('./show.js')).showCommand(stage, { ...opts, color: color() }, io)),
    );

  program
    .command('hint')
    .description("a stage's hint (default: the current stage)")
    .argument('[stage]', 'slug or number')
    .option('--challenge <slug>', 'outside a project: which challenge')
    .action(async (stage: string | undefined, opts: { challenge?: string }) =>
      set(await (await import('./show.js')).hintCommand(stage, opts, io)),
    );

  program
    .command('watch')
    .description('re-run the current stage whenever you save a file')
    .option('--port <n|auto>', 'port for your program')
    .action(async (opts: { port?: string }) => set(await (await import('./watch.js')).watchCommand({ ...opts, color: color() }, io)));

  program
    .command('doctor')
    .description('check your setup: toolchain, byo.yml, port')
    .action(async () => set(await (await import('./doctor.js')).doctorCommand({ color: color() }, io)));

  program
    .command('list')
    .description('the challenges, or the stages of one')
    .argument('[challenge]')
    .action(async (slug: string | undefined) => set(await (await import('./list.js')).listCommand(slug, { color: color() }, io)));

  program
    .command('demo')
    .description('grade the bundled TypeScript reference solution of the HTTP track, end to end')
    .option('--mutant <name>', 'grade a deliberately broken solution instead, to see a failure')
    .option('--seed <n>', 'seed for random inputs')
    .action(async (opts: { mutant?: string; seed?: string }) =>
      set(await (await import('./demo.js')).demoCommand({ ...opts, color: color() }, io)),
    );

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function reportError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // --help and --version "fail" with exit code 0; real usage errors were already printed by commander.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UsageError) {
    println(io.stderr, `byo: ${error.message}`);
    return 2;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const kind = error instanceof InternalError ? 'internal error' : 'unexpected error';
  println(io.stderr, `byo ${VERSION}: ${kind} — this is a bug in the grader, not in your code. Please report it with:\n`);
  println(io.stderr, scrub(detail, io));
  return 2;
}

/** Stack traces name the user's home directory: replace it before they are pasted into a bug report. */
function scrub(text: string, io: Io): string {
  const home = io.env.HOME;
  return home ? text.split(home).join('~') : text;
}
