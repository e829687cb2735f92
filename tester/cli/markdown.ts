import { readFile } from 'node:fs/promises';
import { Marked } from 'marked';
import { markedTerminal } from 'marked-terminal';
import type { StageEntry } from '../harness/stage.js';

/** Instructions rendered for the terminal: styled on a color TTY, the plain markdown (already readable) otherwise. */
export async function renderInstructions(stage: StageEntry, color: boolean): Promise<string> {
  const markdown = await readFile(stage.instructionsPath, 'utf8');
  if (!color) return markdown.trimEnd();
  const marked = new Marked();
  // marked-terminal's types lag behind marked's extension type; the runtime shape is what marked expects.
  marked.use(markedTerminal({ reflowText: false, tab: 2 }) as Parameters<Marked['use']>[0]);
  return (await marked.parse(markdown)).trimEnd();
}

/** The body of one `### Heading` section of a stage's instructions (`Hint`, `Tests`). */
export async function readSection(stage: StageEntry, heading: string): Promise<string | undefined> {
  const markdown = await readFile(stage.instructionsPath, 'utf8');
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim().toLowerCase() === `### ${heading.toLowerCase()}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((line, i) => i > start && /^#{1,3} /.test(line));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
}
