import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../harness/errors.js';
import { KIT_ROOT } from '../harness/paths.js';
import { gradeCommand } from './grade.js';
import { println, type Io } from './io.js';

/**
 * `byo demo`: grades the bundled TypeScript reference of the HTTP track through every stage, exactly
 * as a learner's program is graded. `--mutant NAME` grades a deliberately broken one, to see a failure.
 */
export async function demoCommand(options: { mutant?: string; color: boolean; seed?: string }, io: Io): Promise<number> {
  const solutions = join(KIT_ROOT, 'solutions', 'http-server');
  const dir = options.mutant ? join(solutions, 'mutants', options.mutant) : join(solutions, 'typescript');
  if (!existsSync(dir)) {
    throw new UsageError(
      options.mutant
        ? `No mutant "${options.mutant}" in solutions/http-server/mutants/.`
        : 'The demo needs the repository checkout (solutions/ is not in the npm package): git clone it, npm install, npx byo-kit demo.',
    );
  }
  println(io.stdout, `Grading ${options.mutant ? `the broken program "${options.mutant}"` : 'the TypeScript reference solution'} (${dir}) on a free port…\n`);
  return gradeCommand(
    { dir, all: true, port: 'auto', seed: options.seed, color: options.color, reporterChoices: [{ name: 'pretty', output: undefined }] },
    io,
  );
}
