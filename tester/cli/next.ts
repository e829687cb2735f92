import { saveStage } from '../harness/config.js';
import { gradeTarget } from './grade.js';
import { println, type Io } from './io.js';
import { loadLearnerProject } from './learner.js';
import { renderInstructions } from './markdown.js';
import { saveLastRun } from './progress.js';
import { chalkFor } from './style.js';

/** `byo next`: re-verify stages 1..current; only when they pass, advance byo.yml and show the next stage. */
export async function nextCommand(options: { seed?: string; port?: string; color: boolean; dir?: string }, io: Io): Promise<number> {
  const project = await loadLearnerProject(io.cwd, options.dir);
  const c = chalkFor(options.color);
  const next = project.challenge.stages[project.current.index];
  if (!next) {
    println(io.stdout, `You are on the last stage (${project.current.slug}). Run \`npx byo-kit test\` to check it.`);
    return 0;
  }
  println(io.stdout, `Checking stages 1–${project.current.index} before moving on…`);
  const summary = await gradeTarget(project, { ...options, reporterChoices: [{ name: 'pretty', output: undefined }] }, io);
  await saveLastRun(project.dir, summary);
  if (summary.summary.failed > 0) {
    println(io.stdout, `\n${c.red('Not advancing:')} fix the failing stage first, then run \`npx byo-kit next\` again.`);
    return 1;
  }
  if (!project.project) return 2;
  await saveStage(project.project, next.slug);
  println(io.stdout, `\n${c.green('✓')} byo.yml now says stage: ${next.slug}. Here is stage ${next.index}:\n`);
  println(io.stdout, await renderInstructions(next, options.color));
  println(io.stdout, `\nWhen you are ready: ${c.bold('npx byo-kit test')}`);
  return 0;
}
