import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InternalError } from './errors.js';
import { challengeDir } from './paths.js';
import type { Challenge, Stage, StageEntry } from './stage.js';

/**
 * Builds a challenge from its ordered stage list (the one index, as rustlings' info.toml), attaching to each
 * stage its 1-based position and its instructions file `stages/NN-slug.md`.
 */
export function defineChallenge(definition: Omit<Challenge, 'stages'> & { stages: Stage[] }): Challenge {
  const dir = join(challengeDir(definition.slug), 'stages');
  const files = readdirSync(dir).filter((name) => name.endsWith('.md'));
  const stages: StageEntry[] = definition.stages.map((stage, i) => {
    const index = i + 1;
    const name = `${String(index).padStart(2, '0')}-${stage.slug}.md`;
    if (!files.includes(name)) throw new InternalError(`challenge ${definition.slug}: missing instructions ${name}`);
    return { ...stage, index, instructionsPath: join(dir, name) };
  });
  return { ...definition, stages };
}

/** Finds a stage by slug or by 1-based number ("echo", "4"). */
export function findStage(challenge: Challenge, key: string): StageEntry | undefined {
  if (/^\d+$/.test(key)) return challenge.stages[Number(key) - 1];
  return challenge.stages.find((stage) => stage.slug === key);
}
