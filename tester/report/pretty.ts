import { stripVTControlCharacters } from 'node:util';
import { Chalk } from 'chalk';
import type { RunSummary, StageEntry, StageResult } from '../harness/stage.js';
import { formatDuration, rerunCommand, splitLines } from './format.js';
import { openSink } from './output.js';
import type { LogEvent, ReporterFactory, RunStart } from './reporter.js';

/**
 * The human reporter: what a learner reads at 1 a.m. It streams the transcript as the stage runs, so a
 * hung program shows where it hung, and ends with one line that replays the failure.
 */
export const pretty: ReporterFactory = (options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const sink = openSink(options);
  // Without colors, learner output with its own escape codes must not leak them into logs or files.
  const print = (line = ''): void => sink.write(`${options.color ? line : stripVTControlCharacters(line)}\n`);
  let total: number | undefined;
  const headed = new Set<number>();
  // Stages not run after a failure are summed up in one line at the end, not one heading each.
  const skipped: StageResult[] = [];

  const heading = (stage: Pick<StageEntry, 'index' | 'slug' | 'title'>): void => {
    if (headed.has(stage.index)) return;
    headed.add(stage.index);
    const position = total === undefined ? `${stage.index}` : `${stage.index}/${total}`;
    print();
    print(c.bold(`Stage ${position} · ${stage.slug} · ${stage.title}`));
  };

  return {
    onRunStart(run: RunStart) {
      total = run.challenge.stages.length;
      print(`byo · ${run.challenge.slug} · seed ${run.seed} · ${describeSelection(run.stages, total)}`);
    },
    onBuild(event) {
      if (event.phase === 'start') return print(c.dim(`Building: ${event.command}`));
      if (event.ok !== false) return;
      print(c.red('✗ build failed'));
      for (const line of splitLines(event.output ?? '')) print(`  ${line}`);
    },
    onStageStart: heading,
    onLog(event: LogEvent) {
      if (event.level === 'debug' && !options.debug) return;
      heading(event.stage);
      print(formatLog(c, event));
    },
    onStageEnd(result: StageResult) {
      if (result.status === 'skipped' && !headed.has(result.index)) {
        skipped.push(result);
        return;
      }
      heading(result);
      const time = `(${formatDuration(result.durationMs)})`;
      if (result.status === 'passed') return print(`${c.green('✓ passed')} ${c.dim(time)}`);
      if (result.status === 'skipped') return print(c.dim(`- skipped${result.message ? `: ${result.message}` : ''}`));
      print(`${c.red('✗ failed')} ${c.dim(time)}`);
      for (const line of splitLines(result.message)) print(line ? `  ${line}` : '');
    },
    async onRunEnd(summary: RunSummary) {
      const [first] = skipped;
      const last = skipped.at(-1);
      if (first && last) {
        const which = first === last ? `Stage ${first.index} (${first.slug})` : `Stages ${first.index}–${last.index} (${first.slug} … ${last.slug})`;
        print();
        print(c.dim(`${which} not run: ${first.message.replace(/^Not run: /, '')}`));
      }
      print();
      print(summaryLine(c, summary, total));
      const rerun = rerunCommand(summary);
      if (rerun) print(`Re-run just the failure: ${c.bold(rerun)}`);
      await sink.close();
    },
  };
};

function formatLog(c: InstanceType<typeof Chalk>, event: LogEvent): string {
  // The program's own lines already carry `[your_program] `; everything else is the grader speaking.
  if (event.level === 'program') return event.text;
  const prefix = c.dim(`[${event.stage.slug}] `);
  switch (event.level) {
    case 'success':
      return prefix + c.green(event.text);
    case 'error':
      return prefix + c.red(event.text);
    case 'debug':
      return prefix + c.gray(event.text);
    default:
      return prefix + event.text;
  }
}

/** `3 passed, 1 failed, 24 not run · seed 12345 · 2.1 s`: "not run" counts stages outside the selection too. */
function summaryLine(c: InstanceType<typeof Chalk>, summary: RunSummary, total: number | undefined): string {
  const { passed, failed, skipped } = summary.summary;
  const notRun = total === undefined ? skipped : Math.max(skipped, total - passed - failed);
  const counts = [
    passed > 0 ? c.green(`${passed} passed`) : `${passed} passed`,
    failed > 0 ? c.red(`${failed} failed`) : `${failed} failed`,
    `${notRun} not run`,
  ].join(', ');
  return `${counts} · seed ${summary.seed} · ${formatDuration(summary.durationMs)}`;
}

/** `stages 1–4 of 28`, `stage 3 of 28`, or `stages 2, 5 of 28` for a selection with holes. */
export function describeSelection(stages: Pick<StageEntry, 'index'>[], total: number): string {
  const indexes = stages.map((stage) => stage.index).sort((a, b) => a - b);
  const [first] = indexes;
  const last = indexes[indexes.length - 1];
  if (first === undefined || last === undefined) return `no stages of ${total}`;
  if (indexes.length === 1) return `stage ${first} of ${total}`;
  const contiguous = last - first === indexes.length - 1;
  return `stages ${contiguous ? `${first}–${last}` : indexes.join(', ')} of ${total}`;
}
