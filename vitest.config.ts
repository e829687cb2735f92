import { defineConfig } from 'vitest/config';

// Stage files (challenges/*/stages/NN-slug.ts) must never be collected as tests:
// only *.test.ts under tester/ and test/ are.
export default defineConfig({
  test: {
    include: ['tester/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
