import { describe, expect, it } from 'vitest';
import { combineReporters, isReporterName, reporters } from './index.js';
import { reporterOptions, summary } from './fixture.js';

describe('reporters map', () => {
  it('names every --reporter value', () => {
    expect(Object.keys(reporters)).toEqual(['pretty', 'json', 'junit', 'tap', 'github', 'exercism']);
    expect(isReporterName('tap')).toBe(true);
    expect(isReporterName('toString')).toBe(false);
  });

  it('never emits colors outside pretty, even when colors are allowed', async () => {
    for (const [name, factory] of Object.entries(reporters)) {
      if (name === 'pretty') continue;
      const options = reporterOptions({ color: true });
      await factory(options).onRunEnd?.(summary);
      expect(options.captured(), name).not.toContain('\x1b');
    }
  });

  it('combines reporters, writing their reports one after the other', async () => {
    const options = reporterOptions();
    await combineReporters([reporters.tap(options), reporters.json(options)]).onRunEnd?.(summary);
    const out = options.captured();
    expect(out.startsWith('TAP version 14\n')).toBe(true);
    expect(out.indexOf('{')).toBeGreaterThan(out.indexOf('# SKIP'));
  });
});
