import { findStage } from '../harness/challenge.js';
import { UsageError } from '../harness/errors.js';
import type { StageEntry } from '../harness/stage.js';
import { resolveGradeTarget, type GradeTarget } from './target.js';

/** The learner's project in the current dir, with its current stage resolved. */
export interface LearnerProject extends GradeTarget {
  current: StageEntry;
}

export async function loadLearnerProject(cwd: string, dir?: string): Promise<LearnerProject> {
  const target = await resolveGradeTarget({ dir, cwd });
  if (!target.project || target.project.source !== 'byo.yml') {
    throw new UsageError('This command needs a byo.yml (run `npx byo-kit init <challenge> --lang <language> <dir>` to start).');
  }
  const key = target.currentStage ?? target.challenge.stages[0]?.slug ?? '';
  const current = findStage(target.challenge, key);
  if (!current) {
    throw new UsageError(
      `byo.yml says stage: ${key}, which is not a stage of ${target.challenge.slug}. ` +
        `\`byo list ${target.challenge.slug}\` shows the stages; set stage: to one of them.`,
    );
  }
  return { ...target, current };
}
