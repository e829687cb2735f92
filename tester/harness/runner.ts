import { isPortInUse, findFreePort } from './port.js';
import { buildFailure, runBuild } from './build.js';
import { StageContext, type ProgramTarget } from './context.js';
import { InternalError, StageFailure, UsageError } from './errors.js';
import { describeExit } from './exit.js';
import { Logger, type LogLevel } from './log.js';
import { Random } from './random.js';
import type { Challenge, RunSummary, StageEntry, StageResult } from './stage.js';
import { Teardown } from './teardown.js';
import type { Reporter } from '../report/reporter.js';

export interface RunOptions {
  challenge: Challenge;
  /** The stages to run, in order. */
  stages: StageEntry[];
  /** The project dir and its commands. */
  program: { dir: string; run: string; build: string | undefined; env?: Record<string, string> };
  seed: number;
  /** undefined: the challenge's conventional port, no argument passed. */
  port: number | 'auto' | undefined;
  reporters: Reporter[];
  /** Keep going after a failed stage (CI grading of all stages). Default: stop at the first failure. */
  keepGoing?: boolean;
  /** What is graded, for the report header. */
  target: string;
  debug?: boolean;
}

/** Runs the build once, then each stage with a fresh program, and reports every event. */
export async function runStages(options: RunOptions): Promise<RunSummary> {
  const { challenge, reporters } = options;
  const started = Date.now();
  const emit = <K extends keyof Reporter>(hook: K, ...args: Parameters<NonNullable<Reporter[K]>>) => {
    for (const reporter of reporters) (reporter[hook] as ((...a: unknown[]) => unknown) | undefined)?.apply(reporter, args);
  };
  emit('onRunStart', { challenge, seed: options.seed, stages: options.stages, target: options.target });

  const target = await resolveTarget(options);
  if (options.program.build) {
    emit('onBuild', { command: options.program.build, phase: 'start' });
    const build = await runBuild(options.program.build, options.program.dir, options.program.env);
    emit('onBuild', { command: options.program.build, phase: 'end', ok: build.ok, output: build.output });
    if (!build.ok) {
      // Reports are still written (every stage "not run"), so CI shows why nothing ran.
      const why = `Not run: the build failed (\`${options.program.build}\`).`;
      const results = options.stages.map((stage) => skippedResult(stage, why));
      for (const reporter of reporters) await reporter.onRunEnd?.(summarize(options, results, started));
      throw buildFailure(options.program.build, build);
    }
  }

  const random = new Random(options.seed);
  const results: StageResult[] = [];
  let stopped: StageEntry | undefined;
  for (const stage of options.stages) {
    if (stopped) {
      const skipped = skippedResult(stage, `Not run: stage ${stopped.index} (${stopped.slug}) failed first.`);
      results.push(skipped);
      emit('onStageEnd', skipped);
      continue;
    }
    emit('onStageStart', stage);
    const result = await runOneStage(stage, challenge, random.forStage(stage.index), target, (level, text) =>
      emit('onLog', { stage, level, text }),
    );
    results.push(result);
    emit('onStageEnd', result);
    if (result.status === 'failed' && !options.keepGoing) stopped = stage;
  }

  const summary = summarize(options, results, started);
  for (const reporter of reporters) await reporter.onRunEnd?.(summary);
  return summary;
}

function summarize(options: RunOptions, results: StageResult[], started: number): RunSummary {
  const count = (status: StageResult['status']) => results.filter((r) => r.status === status).length;
  return {
    challenge: options.challenge.slug,
    seed: options.seed,
    stages: results,
    summary: { passed: count('passed'), failed: count('failed'), skipped: count('skipped') },
    durationMs: Date.now() - started,
  };
}

async function resolveTarget(options: RunOptions): Promise<ProgramTarget> {
  const spec = { command: options.program.run, cwd: options.program.dir, env: options.program.env ?? {} };
  const base = { spec, startTimeoutMs: 10_000 };
  if (options.challenge.mode === 'stdin') return { ...base, port: 0, passPort: false };
  if (options.port === 'auto') return { ...base, port: await findFreePort(), passPort: true };
  const port = options.port ?? options.challenge.defaultPort;
  if (port === undefined) throw new InternalError(`challenge ${options.challenge.slug} has no default port`);
  if (await isPortInUse(port)) {
    throw new UsageError(
      `Port ${port} is already in use by another process, so your program could not listen on it.\n` +
        `Stop that process (\`ss -ltnp 'sport = :${port}'\` shows which one), or run with \`--port auto\` ` +
        `to give your program a free port (it then receives \`--port N\` and PORT=N).`,
    );
  }
  return { ...base, port, passPort: options.port !== undefined };
}

async function runOneStage(
  stage: StageEntry,
  challenge: Challenge,
  random: Random,
  target: ProgramTarget,
  sink: (level: LogLevel, text: string) => void,
): Promise<StageResult> {
  const started = Date.now();
  const log: string[] = [];
  const logger = new Logger((level, text) => {
    if (level !== 'debug') log.push(text);
    sink(level, text);
  });
  const teardown = new Teardown();
  const t = new StageContext(challenge, stage, random, logger, target, teardown);
  const timeoutMs = stage.timeoutMs ?? challenge.stageTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StageFailure(`The stage did not finish within ${timeoutMs / 1000} s (its overall time limit).`)),
      timeoutMs,
    );
  });

  let failure: StageFailure | undefined;
  try {
    await Promise.race([stage.run(t), timeout]);
  } catch (error) {
    failure = toStageFailure(error);
  } finally {
    clearTimeout(timer);
  }
  // Did the program die during the stage? Say so: it is usually the real cause of what failed.
  const died = t.programs.map((p) => p.exitInfo()).find((exit) => exit !== undefined);
  const teardownErrors = await teardown.run();
  if (!failure && teardownErrors.length > 0) failure = toStageFailure(teardownErrors[0]);

  if (failure) {
    let message = failure.message;
    if (died && !/exited|killed/.test(message)) message += `\n\nNote: your program ${describeExit(died)} during this stage.`;
    if (failure.hint) message += `\n\nHint: ${failure.hint}`;
    if (failure.reproduce) message += `\n\nTry it yourself:\n  ${failure.reproduce}`;
    return { ...identify(stage), status: 'failed', durationMs: Date.now() - started, message, log };
  }
  return { ...identify(stage), status: 'passed', durationMs: Date.now() - started, message: '', log };
}

function toStageFailure(error: unknown): StageFailure {
  if (error instanceof StageFailure) return error;
  if (error instanceof UsageError) throw error;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return new StageFailure(`The grader hit an internal error (this is a bug in byo, please report it):\n${detail}`);
}

function identify(stage: StageEntry) {
  return { index: stage.index, slug: stage.slug, title: stage.title };
}

function skippedResult(stage: StageEntry, message: string): StageResult {
  return { ...identify(stage), status: 'skipped', durationMs: 0, message, log: [] };
}
