import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunSummary, StageStatus } from '../harness/stage.js';

/** The last `byo test` in this project, so `byo status` can show real results, not guesses. */
export interface LastRun {
  seed: number;
  at: string;
  stages: Record<string, StageStatus>;
}

const FILE = join('.byo', 'last-run.json');

export async function saveLastRun(dir: string, summary: RunSummary): Promise<void> {
  const previous = await readLastRun(dir);
  const stages = { ...(previous?.stages ?? {}) };
  for (const stage of summary.stages) if (stage.status !== 'skipped') stages[stage.slug] = stage.status;
  await mkdir(join(dir, '.byo'), { recursive: true });
  const record: LastRun = { seed: summary.seed, at: new Date().toISOString(), stages };
  await writeFile(join(dir, FILE), `${JSON.stringify(record, null, 2)}\n`);
}

export async function readLastRun(dir: string): Promise<LastRun | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, FILE), 'utf8')) as LastRun;
  } catch {
    return undefined;
  }
}
