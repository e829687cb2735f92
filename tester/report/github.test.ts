import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reporterOptions, summary } from './fixture.js';
import { escapeData, escapeProperty, github } from './github.js';

describe('github reporter', () => {
  it('escapes workflow-command data and properties', () => {
    expect(escapeData('100%\r\ndone')).toBe('100%25%0D%0Adone');
    expect(escapeData('%0A')).toBe('%250A');
    expect(escapeProperty('a: b, c')).toBe('a%3A b%2C c');
  });

  it('annotates each failed stage on one line', async () => {
    const options = reporterOptions();
    await github(options).onRunEnd?.(summary);
    expect(options.captured()).toBe(
      '::error title=byo echo::Expected body "100%25 banana", got "50%25 banana" # halved%0A%0A' +
        '  - expected: 100%25 banana%0D%0A  + received: 50%25 banana ]]>\n',
    );
  });

  it('appends a markdown section to GITHUB_STEP_SUMMARY', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'byo-github-'));
    const stepSummary = join(dir, 'step_summary.md');
    await writeFile(stepSummary, '# Earlier step\n\n');
    const options = reporterOptions({ env: { GITHUB_STEP_SUMMARY: stepSummary } });
    await github(options).onRunEnd?.(summary);
    const written = await readFile(stepSummary, 'utf8');
    expect(written.startsWith('# Earlier step\n\n## byo')).toBe(true);
    expect(written).toMatchInlineSnapshot(`
      "# Earlier step

      ## byo · http-server · seed 12345

      1 passed, 1 failed, 1 skipped · 2.1 s

      | # | stage | status | time |
      | --: | --- | --- | --: |
      | 1 | \`bind\` Bind to a port | ✅ passed | 123 ms |
      | 2 | \`echo\` Respond with a body | ❌ failed | 1.2 s |
      | 3 | \`get-file\` Return a file | ⏭ skipped | – |

      <details>
      <summary>❌ echo: Respond with a body</summary>

      \`\`\`text
      Expected body "100% banana", got "50% banana" # halved

        - expected: 100% banana
        + received: 50% banana ]]>
      \`\`\`

      </details>

      Re-run locally: \`byo grade --seed 12345 --stages echo\`

      "
    `);
  });

  it('leaves the step summary alone when GitHub does not provide one', async () => {
    const options = reporterOptions({ env: {} });
    await github(options).onRunEnd?.({ ...summary, stages: [], summary: { passed: 0, failed: 0, skipped: 0 } });
    expect(options.captured()).toBe('');
  });
});
