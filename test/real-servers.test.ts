import { describe, expect, it } from 'vitest';
import redis from '../challenges/redis/challenge.js';
import { describeSummary, gradeDir } from './helpers/grade.js';
import { REPO } from './helpers/solutions.js';
import { requireToolchain } from './helpers/toolchain.js';

/**
 * Real implementations pass: where the grader and the real server disagree, the grader is wrong.
 * Graded exactly as a user would: `byo grade --challenge redis --run "redis-server --save '' --appendonly no" --all`.
 */
const hasRedis = requireToolchain('redis-server', 'Install Redis 7 (Debian: apt-get install redis-server) to check the Redis stages against the real server');

describe('real servers', () => {
  it.skipIf(!hasRedis)('redis-server passes every Redis stage', async () => {
    const summary = await gradeDir(REPO, { challenge: 'redis', run: "redis-server --save '' --appendonly no", all: true });
    expect(summary.summary, describeSummary(summary)).toEqual({ passed: redis.stages.length, failed: 0, skipped: 0 });
  });
});
