import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import chatHub from '../challenges/chat-hub/challenge.js';
import httpServer from '../challenges/http-server/challenge.js';
import redis from '../challenges/redis/challenge.js';
import type { Challenge } from '../tester/harness/stage.js';
import { describeSummary, gradeDir } from './helpers/grade.js';
import { REPO, listMutants } from './helpers/solutions.js';
import { requireToolchain } from './helpers/toolchain.js';

/**
 * Validity of every track's verdicts: references pass every stage; each mutant passes every stage
 * before the one it declares and fails exactly there; every stage has at least one mutant.
 */
const hasGo = requireToolchain('go', 'Install Go (Debian: apt-get install golang-go) to grade the Go references');
const hasPython = requireToolchain('python3', 'Install Python 3 (Debian: apt-get install python3) to grade the Budget Chat reference');

describe.each([httpServer, redis, chatHub].map((challenge) => [challenge.slug, challenge] as const))('%s', (slug, challenge: Challenge) => {
  const solutions = join(REPO, 'solutions', slug);
  const mutants = listMutants(slug);
  const all = { passed: challenge.stages.length, failed: 0, skipped: 0 };

  it('TypeScript reference passes every stage', async () => {
    const summary = await gradeDir(join(solutions, 'typescript'), { all: true });
    expect(summary.summary, describeSummary(summary)).toEqual(all);
  });

  it.skipIf(!hasGo)('Go reference passes every stage', async () => {
    const summary = await gradeDir(join(solutions, 'go'), { all: true });
    expect(summary.summary, describeSummary(summary)).toEqual(all);
  });

  it.each(challenge.stages.map((stage) => stage.slug))('stage %s has a mutant', (stageSlug) => {
    expect(mutants.filter((mutant) => mutant.failsAt === stageSlug).map((m) => m.name)).not.toEqual([]);
  });

  describe.concurrent('mutants fail exactly at their declared stage', () => {
    it.each(mutants.map((mutant) => [mutant.name, mutant] as const))('%s', async (_name, mutant) => {
      const stage = challenge.stages.find((s) => s.slug === mutant.failsAt);
      expect(stage, `${mutant.name}: failsAt ${mutant.failsAt} is not a stage`).toBeDefined();
      const summary = await gradeDir(mutant.dir, { until: mutant.failsAt });
      const statuses = summary.stages.map((s) => `${s.slug}:${s.status}`);
      const expected = challenge.stages
        .slice(0, stage?.index ?? 0)
        .map((s) => `${s.slug}:${s.slug === mutant.failsAt ? 'failed' : 'passed'}`);
      expect(statuses, `${mutant.name} (${mutant.bug})\n${describeSummary(summary)}`).toEqual(expected);
    });
  });
});

describe('chat-hub Budget Chat reference', () => {
  // A server written for Protohackers' Budget Chat, and nothing more, passes the Budget Chat stages unchanged and
  // fails the first stage beyond them: the base really is Budget Chat, and the extensions really ask for more.
  it.skipIf(!hasPython)('passes every Budget Chat stage and fails line-framing', async () => {
    const summary = await gradeDir(join(REPO, 'solutions', 'chat-hub', 'budget'), { until: 'line-framing' });
    const base = chatHub.stages.slice(0, chatHub.stages.findIndex((stage) => stage.slug === 'line-framing'));
    expect(summary.stages.map((s) => `${s.slug}:${s.status}`), describeSummary(summary)).toEqual([
      ...base.map((stage) => `${stage.slug}:passed`),
      'line-framing:failed',
    ]);
  });
});
