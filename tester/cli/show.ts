import { findStage } from '../harness/challenge.js';
import { UsageError } from '../harness/errors.js';
import type { Challenge, StageEntry } from '../harness/stage.js';
import { println, type Io } from './io.js';
import { loadLearnerProject } from './learner.js';
import { readSection, renderInstructions } from './markdown.js';
import { loadChallenge } from './target.js';

/** Which stage `show`/`hint` mean: the argument, else the project's current stage. */
async function resolveStage(key: string | undefined, challengeSlug: string | undefined, io: Io): Promise<StageEntry> {
  let challenge: Challenge;
  let fallback: StageEntry | undefined;
  if (challengeSlug) {
    challenge = await loadChallenge(challengeSlug);
    fallback = challenge.stages[0];
  } else {
    const project = await loadLearnerProject(io.cwd);
    challenge = project.challenge;
    fallback = project.current;
  }
  const stage = key === undefined ? fallback : findStage(challenge, key);
  if (!stage) throw new UsageError(`No stage "${key}" in ${challenge.slug}. \`byo status\` lists them.`);
  return stage;
}

/** `byo show [stage]`: the instructions, rendered for the terminal. */
export async function showCommand(key: string | undefined, options: { color: boolean; challenge?: string }, io: Io): Promise<number> {
  const stage = await resolveStage(key, options.challenge, io);
  println(io.stdout, await renderInstructions(stage, options.color));
  return 0;
}

/** `byo hint [stage]`: just the hint, for when you are stuck. */
export async function hintCommand(key: string | undefined, options: { challenge?: string }, io: Io): Promise<number> {
  const stage = await resolveStage(key, options.challenge, io);
  const hint = await readSection(stage, 'Hint');
  println(io.stdout, `Hint for stage ${stage.index} (${stage.slug}):\n`);
  println(io.stdout, hint ?? 'This stage has no hint yet. `byo show` has the full instructions.');
  return 0;
}
