import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import httpServer from '../challenges/http-server/challenge.js';
import { describeSummary, gradeDir } from './helpers/grade.js';
import { REPO, listMutants } from './helpers/solutions.js';
import { requireToolchain } from './helpers/toolchain.js';

/**
 * Validity of the HTTP track's verdicts: references pass every stage; each mutant passes every stage
 * before the one it declares and fails exactly there; every stage has at least one mutant.
 */
const solutions = join(REPO, 'solutions', 'http-server');
const mutants = listMutants('http-server');
const hasGo = requireToolchain('go', 'Install Go (Debian: apt-get install golang-go) to grade the Go reference');

describe('http-server references pass every stage', () => {
  it('TypeScript reference', async () => {
    const summary = await gradeDir(join(solutions, 'typescript'), { all: true });
    expect(summary.summary, describeSummary(summary)).toEqual({ passed: httpServer.stages.length, failed: 0, skipped: 0 });
  });

  it.skipIf(!hasGo)('Go reference', async () => {
    const summary = await gradeDir(join(solutions, 'go'), { all: true });
    expect(summary.summary, describeSummary(summary)).toEqual({ passed: httpServer.stages.length, failed: 0, skipped: 0 });
  });
});

describe('every http-server stage has a mutant', () => {
  it.each(httpServer.stages.map((stage) => stage.slug))('%s', (slug) => {
    expect(mutants.filter((mutant) => mutant.failsAt === slug).map((m) => m.name)).not.toEqual([]);
  });
});

describe.concurrent('http-server mutants fail exactly at their declared stage', () => {
  it.each(mutants.map((mutant) => [mutant.name, mutant] as const))('%s', async (_name, mutant) => {
    const stage = httpServer.stages.find((s) => s.slug === mutant.failsAt);
    expect(stage, `${mutant.name}: failsAt ${mutant.failsAt} is not a stage`).toBeDefined();
    const summary = await gradeDir(mutant.dir, { until: mutant.failsAt });
    const statuses = summary.stages.map((s) => `${s.slug}:${s.status}`);
    const expected = httpServer.stages
      .slice(0, stage?.index ?? 0)
      .map((s) => `${s.slug}:${s.slug === mutant.failsAt ? 'failed' : 'passed'}`);
    expect(statuses, `${mutant.name} (${mutant.bug})\n${describeSummary(summary)}`).toEqual(expected);
  });
});
