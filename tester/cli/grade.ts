import { resolve } from 'node:path';
import { UsageError } from '../harness/errors.js';
import { newSeed } from '../harness/random.js';
import { runStages } from '../harness/runner.js';
import type { RunSummary } from '../harness/stage.js';
import { combineReporters, reporters, type Reporter } from '../report/index.js';
import type { Io } from './io.js';
import type { ReporterChoice } from './reporter-args.js';
import { selectStages, type StageSelection } from './select-stages.js';
import { resolveGradeTarget, type GradeTarget } from './target.js';

export interface GradeOptions extends StageSelection {
  dir?: string | undefined;
  challenge?: string | undefined;
  run?: string | undefined;
  build?: string | undefined;
  seed?: string | undefined;
  port?: string | undefined;
  keepGoing?: boolean;
  debug?: boolean;
  color: boolean;
  reporterChoices: ReporterChoice[];
}

/** `byo grade`: non-interactive grading. Exit 0 all selected stages passed, 1 a stage failed. */
export async function gradeCommand(options: GradeOptions, io: Io): Promise<number> {
  const target = await resolveGradeTarget({ ...options, dir: options.dir, cwd: io.cwd });
  const summary = await gradeTarget(target, options, io);
  return summary.summary.failed > 0 || summary.summary.passed === 0 ? 1 : 0;
}

export async function gradeTarget(target: GradeTarget, options: GradeOptions, io: Io): Promise<RunSummary> {
  const stages = selectStages(target.challenge, { ...options, current: target.currentStage });
  const reporter = combineReporters(
    options.reporterChoices.map(({ name, output }): Reporter =>
      reporters[name]({
        output: output === undefined ? undefined : resolve(io.cwd, output),
        color: options.color,
        debug: options.debug ?? false,
        stdout: io.stdout,
        env: io.env,
      }),
    ),
  );
  return runStages({
    challenge: target.challenge,
    stages,
    program: { dir: target.dir, run: target.run, build: target.build },
    seed: parseSeed(options.seed),
    port: parsePort(options.port),
    reporters: [reporter],
    keepGoing: options.keepGoing ?? false,
    target: target.description,
    debug: options.debug ?? false,
  });
}

export function parseSeed(value: string | undefined): number {
  if (value === undefined) return newSeed();
  if (!/^\d+$/.test(value) || Number(value) > 2 ** 32 - 1) throw new UsageError(`--seed takes a whole number from 0 to 4294967295, got "${value}".`);
  return Number(value);
}

export function parsePort(value: string | undefined): number | 'auto' | undefined {
  if (value === undefined) return undefined;
  if (value === 'auto') return 'auto';
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port takes a number from 1 to 65535, or "auto"; got "${value}".`);
  return port;
}
