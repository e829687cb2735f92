import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reporterOptions, summary } from './fixture.js';
import { json } from './json.js';

describe('json reporter', () => {
  it('writes exactly the documented shape to stdout', async () => {
    const options = reporterOptions();
    await json(options).onRunEnd?.({ ...summary, stages: summary.stages.map((s) => ({ ...s, extra: 1 })) });
    const out = options.captured();
    expect(out.endsWith('}\n')).toBe(true);
    const parsed: unknown = JSON.parse(out);
    expect(Object.keys(parsed as object)).toEqual(['challenge', 'seed', 'stages', 'summary']);
    expect(parsed).toEqual({
      challenge: 'http-server',
      seed: 12345,
      stages: summary.stages,
      summary: { passed: 1, failed: 1, skipped: 1 },
    });
    expect(out.split('\n')[1]).toBe('  "challenge": "http-server",');
  });

  it('writes to --output, creating parent directories, and nothing to stdout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'byo-json-'));
    const output = join(dir, 'a', 'b', 'report.json');
    const options = reporterOptions({ output });
    await json(options).onRunEnd?.(summary);
    expect(options.captured()).toBe('');
    expect(JSON.parse(await readFile(output, 'utf8'))).toMatchObject({ seed: 12345 });
  });
});
