import { findStage } from '../harness/challenge.js';
import { UsageError } from '../harness/errors.js';
import type { Challenge, StageEntry } from '../harness/stage.js';

export interface StageSelection {
  all?: boolean;
  /** Comma-separated slugs or numbers. */
  stages?: string;
  /** Run 1..this stage. */
  until?: string;
  /** byo.yml's current stage, the default upper bound. */
  current?: string | undefined;
}

/** Which stages a run covers, in curriculum order. Unknown slugs are usage errors that list the valid ones. */
export function selectStages(challenge: Challenge, selection: StageSelection): StageEntry[] {
  const resolve = (key: string, where: string): StageEntry => {
    const stage = findStage(challenge, key.trim());
    if (!stage) {
      throw new UsageError(
        `${where}: no stage "${key}" in ${challenge.slug}. Stages are:\n` +
          challenge.stages.map((s) => `  ${String(s.index).padStart(2)} ${s.slug}`).join('\n'),
      );
    }
    return stage;
  };
  const chosen = [selection.all, selection.stages, selection.until].filter((x) => x !== undefined && x !== false);
  if (chosen.length > 1) throw new UsageError('Use only one of --all, --stages and --until.');
  if (selection.all) return challenge.stages;
  if (selection.stages !== undefined) {
    const picked = new Set(selection.stages.split(',').filter(Boolean).map((key) => resolve(key, '--stages').index));
    if (picked.size === 0) throw new UsageError('--stages needs at least one stage slug, e.g. --stages bind,echo');
    return challenge.stages.filter((stage) => picked.has(stage.index));
  }
  const until = selection.until ?? selection.current;
  if (until === undefined) return challenge.stages;
  const last = resolve(until, selection.until !== undefined ? '--until' : 'byo.yml `stage`');
  return challenge.stages.slice(0, last.index);
}
