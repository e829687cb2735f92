import { stringify } from 'yaml';
import type { RunSummary, StageResult } from '../harness/stage.js';
import { firstLine } from './format.js';
import { reportAtEnd } from './output.js';
import type { ReporterFactory } from './reporter.js';

/** Enough transcript to see the failing exchange without burying the CI log. */
const LOG_TAIL = 20;

/** TAP version 14: a plan, one test point per stage, a YAML diagnostic under each failure. */
export function renderTap(run: RunSummary): string {
  const lines = ['TAP version 14', `1..${run.stages.length}`];
  run.stages.forEach((stage, i) => lines.push(...testPoint(stage, i + 1, run.seed)));
  return `${lines.join('\n')}\n`;
}

function testPoint(stage: StageResult, point: number, seed: number): string[] {
  const description = escapeDescription(`${stage.slug}: ${stage.title}`);
  if (stage.status === 'passed') return [`ok ${point} - ${description}`];
  if (stage.status === 'skipped') {
    const reason = escapeDescription(firstLine(stage.message));
    return [`ok ${point} - ${description} # SKIP${reason ? ` ${reason}` : ''}`];
  }
  // The yaml library picks quoting and block scalars, so `: `, `#` or control bytes in the message stay data.
  // CRLF becomes LF so a message keeps its shape as a `|` block instead of a folded quoted string.
  const message = stage.message.replace(/\r\n?/g, '\n');
  const diagnostic = stringify({ message, seed, log: stage.log.slice(-LOG_TAIL) }, { lineWidth: 0 });
  const yamlLines = diagnostic.trimEnd().split('\n').map((line) => (line ? `  ${line}` : ''));
  return [`not ok ${point} - ${description}`, '  ---', ...yamlLines, '  ...'];
}

/** TAP 14: `#` starts a directive and `\` escapes, so both are escaped in descriptions. */
function escapeDescription(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/#/g, '\\#');
}

export const tap: ReporterFactory = (options) => reportAtEnd(options, renderTap);
