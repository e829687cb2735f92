import type { RunSummary, StageResult, StageStatus } from '../harness/stage.js';
import { failedStages, formatDuration, rerunCommand } from './format.js';

const STATUS: Record<StageStatus, string> = { passed: '✅ passed', failed: '❌ failed', skipped: '⏭ skipped' };

/** The markdown section appended to `$GITHUB_STEP_SUMMARY`: a table of stages, then each failure in full. */
export function renderStepSummary(run: RunSummary): string {
  const { passed, failed, skipped } = run.summary;
  const lines = [
    `## byo · ${run.challenge} · seed ${run.seed}`,
    '',
    `${passed} passed, ${failed} failed, ${skipped} skipped · ${formatDuration(run.durationMs)}`,
    '',
    '| # | stage | status | time |',
    '| --: | --- | --- | --: |',
    ...run.stages.map(tableRow),
    '',
  ];
  for (const stage of failedStages(run)) {
    const fence = fenceFor(stage.message);
    lines.push(
      '<details>',
      `<summary>❌ ${escapeHtml(`${stage.slug}: ${stage.title}`)}</summary>`,
      '',
      `${fence}text`,
      stage.message,
      fence,
      '',
      '</details>',
      '',
    );
  }
  const rerun = rerunCommand(run);
  if (rerun) lines.push(`Re-run locally: \`${rerun}\``, '');
  return `${lines.join('\n')}\n`;
}

function tableRow(stage: StageResult): string {
  const time = stage.status === 'skipped' ? '–' : formatDuration(stage.durationMs);
  const name = escapeCell(`\`${stage.slug}\` ${stage.title}`);
  return `| ${stage.index} | ${name} | ${STATUS[stage.status]} | ${time} |`;
}

/** A `|` in a title would end the cell. */
function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A fence longer than any backtick run in the message, so a message quoting markdown cannot close it. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}
