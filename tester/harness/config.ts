import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isMap, parseDocument, type Document } from 'yaml';
import { UsageError } from './errors.js';

/** `byo.yml`: the learner's contract with the grader, committed with their code. */
export interface ProjectConfig {
  /** Challenge slug (`http-server`). */
  challenge: string;
  /** Starter language, informational (`go`). */
  language: string | undefined;
  /** Shell command run once before the stages, in the project dir. Not counted against stage timeouts. */
  build: string | undefined;
  /** Shell command that starts the program; stages may append arguments. */
  run: string;
  /** Current stage slug: `byo test` runs stages 1..stage. */
  stage: string | undefined;
  /** Mutants only: the stage this deliberately broken program must fail. */
  failsAt: string | undefined;
}

export interface LoadedProject {
  dir: string;
  config: ProjectConfig;
  /** Where the config came from: byo.yml, or a CodeCrafters layout with no byo.yml. */
  source: 'byo.yml' | 'codecrafters';
  /** The parsed document, kept so that saving preserves the learner's comments. */
  document: Document | undefined;
}

export const CONFIG_FILE = 'byo.yml';

/** Reads `dir/byo.yml`; without one, recognises a CodeCrafters repository (`your_program.sh`). */
export async function loadProject(dirArg: string): Promise<LoadedProject> {
  const dir = resolve(dirArg);
  const path = join(dir, CONFIG_FILE);
  if (existsSync(path)) return parseProject(dir, await readFile(path, 'utf8'));
  const codecrafters = detectCodecrafters(dir);
  if (codecrafters) return { dir, config: codecrafters, source: 'codecrafters', document: undefined };
  throw new UsageError(
    `No ${CONFIG_FILE} in ${dir}.\n` +
      `Start a project with \`npx byo-kit init <challenge> --lang <language> <dir>\`, ` +
      `or grade any command with \`byo grade --challenge <slug> --run "<command>"\`.`,
  );
}

export function parseProject(dir: string, text: string): LoadedProject {
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    const first = document.errors[0];
    throw new UsageError(`${CONFIG_FILE} is not valid YAML: ${first?.message ?? 'unknown error'}`);
  }
  const raw: unknown = document.toJS();
  if (!isRecord(raw)) throw new UsageError(`${CONFIG_FILE} must be a mapping of keys (challenge, run, ...).`);
  const field = (key: string, required: boolean): string | undefined => {
    const value = raw[key];
    if (value === undefined || value === null) {
      if (required) throw new UsageError(`${CONFIG_FILE} has no \`${key}:\` — add it (see the starter's byo.yml).`);
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      throw new UsageError(`${CONFIG_FILE}: \`${key}\` must be a non-empty string, got ${JSON.stringify(value)}.`);
    }
    return value;
  };
  const config: ProjectConfig = {
    challenge: field('challenge', true) as string,
    language: field('language', false),
    build: field('build', false),
    run: field('run', true) as string,
    stage: field('stage', false),
    failsAt: field('failsAt', false),
  };
  return { dir, config, source: 'byo.yml', document };
}

/**
 * CodeCrafters repositories grade unchanged: their tester runs `.codecrafters/compile.sh` once and
 * `.codecrafters/run.sh` per stage; older repositories only have `your_program.sh`, which does both.
 */
export function detectCodecrafters(dir: string): ProjectConfig | undefined {
  const compile = join(dir, '.codecrafters', 'compile.sh');
  const run = join(dir, '.codecrafters', 'run.sh');
  const yourProgram = join(dir, 'your_program.sh');
  if (!existsSync(run) && !existsSync(yourProgram)) return undefined;
  const useRunScript = existsSync(run);
  return {
    challenge: '',
    language: undefined,
    build: useRunScript && existsSync(compile) ? 'sh .codecrafters/compile.sh' : undefined,
    run: useRunScript ? 'sh .codecrafters/run.sh' : 'sh ./your_program.sh',
    stage: undefined,
    failsAt: undefined,
  };
}

/** Sets `stage:` in byo.yml, keeping every comment and the key order the learner wrote. */
export async function saveStage(project: LoadedProject, slug: string): Promise<void> {
  if (!project.document || !isMap(project.document.contents)) {
    throw new UsageError(`Cannot record progress: ${project.dir} has no ${CONFIG_FILE}. Create one with \`byo init\`.`);
  }
  project.document.set('stage', slug);
  await writeFile(join(project.dir, CONFIG_FILE), project.document.toString());
  project.config.stage = slug;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
