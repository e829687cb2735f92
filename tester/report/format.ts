import type { RunSummary, StageResult } from '../harness/stage.js';

/** `123 ms` under a second, `2.1 s` above: what a reader compares at a glance. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Messages come from many sources (and learners' programs); accept every line ending. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function firstLine(text: string): string {
  return splitLines(text)[0] ?? '';
}

/** `02 echo: Respond with a body`: sorts in curriculum order in CI test lists. */
export function testName(stage: Pick<StageResult, 'index' | 'slug' | 'title'>): string {
  return `${String(stage.index).padStart(2, '0')} ${stage.slug}: ${stage.title}`;
}

export function failedStages(summary: RunSummary): StageResult[] {
  return summary.stages.filter((stage) => stage.status === 'failed');
}

/**
 * The command that replays the failing stages with the same inputs. Stage randomness is derived from
 * the seed and the stage's index (`Random.forStage`), so running a stage alone reproduces it.
 */
export function rerunCommand(summary: RunSummary): string | undefined {
  const failed = failedStages(summary);
  if (failed.length === 0) return undefined;
  return `byo grade --seed ${summary.seed} --stages ${failed.map((stage) => stage.slug).join(',')}`;
}
