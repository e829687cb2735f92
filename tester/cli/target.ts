import { resolve } from 'node:path';
import { findCatalogueEntry, catalogue } from '../../challenges/index.js';
import { loadProject, type LoadedProject } from '../harness/config.js';
import { UsageError } from '../harness/errors.js';
import type { Challenge } from '../harness/stage.js';

/** What a grading run is pointed at: a project dir with byo.yml, a CodeCrafters repo, or a bare command. */
export interface GradeTarget {
  challenge: Challenge;
  dir: string;
  run: string;
  build: string | undefined;
  /** byo.yml's current stage, if any. */
  currentStage: string | undefined;
  project: LoadedProject | undefined;
  /** For the report header: the dir, or the command. */
  description: string;
}

export async function loadChallenge(slug: string): Promise<Challenge> {
  const entry = findCatalogueEntry(slug);
  if (!entry) {
    throw new UsageError(`Unknown challenge "${slug}". Available: ${catalogue.filter((c) => c.load).map((c) => c.slug).join(', ')}.`);
  }
  if (!entry.load) throw new UsageError(`The ${slug} challenge is not available yet (coming soon). \`byo list\` shows what is.`);
  return entry.load();
}

/**
 * Resolves `byo grade [dir] [--challenge X] [--run CMD] [--build CMD]`. `--run` grades any command
 * (redis-server, sqlite3, someone's binary) without a byo.yml.
 */
export async function resolveGradeTarget(options: {
  dir: string | undefined;
  cwd: string;
  challenge?: string | undefined;
  run?: string | undefined;
  build?: string | undefined;
}): Promise<GradeTarget> {
  const dir = resolve(options.cwd, options.dir ?? '.');
  if (options.run !== undefined) {
    if (!options.challenge) throw new UsageError('--run needs --challenge too, e.g. `byo grade --challenge http-server --run "./server"`.');
    const challenge = await loadChallenge(options.challenge);
    return { challenge, dir, run: options.run, build: options.build, currentStage: undefined, project: undefined, description: options.run };
  }
  const project = await loadProject(dir);
  const slug = options.challenge ?? project.config.challenge;
  if (!slug) {
    throw new UsageError(
      `${dir} looks like a CodeCrafters repository (your_program.sh) but has no byo.yml, so byo cannot tell which ` +
        `challenge it is. Add --challenge, e.g. \`byo grade ${options.dir ?? '.'} --challenge http-server\`.`,
    );
  }
  if (options.challenge && project.config.challenge && options.challenge !== project.config.challenge) {
    throw new UsageError(`byo.yml says challenge: ${project.config.challenge}, but --challenge says ${options.challenge}.`);
  }
  const challenge = await loadChallenge(slug);
  return {
    challenge,
    dir,
    run: project.config.run,
    build: options.build ?? project.config.build,
    currentStage: project.config.stage,
    project,
    description: dir,
  };
}
