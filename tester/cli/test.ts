import { chalkFor } from './style.js';
import { gradeTarget, type GradeOptions } from './grade.js';
import { println, type Io } from './io.js';
import { loadLearnerProject } from './learner.js';
import { saveLastRun } from './progress.js';

export type TestOptions = Pick<GradeOptions, 'seed' | 'port' | 'debug' | 'color' | 'all' | 'stages' | 'until'> & { dir?: string };

/** `byo test`: build once, run stages 1..current, stop at the first failure, say what to do next. */
export async function testCommand(options: TestOptions, io: Io): Promise<number> {
  const project = await loadLearnerProject(io.cwd, options.dir);
  const summary = await gradeTarget(project, { ...options, reporterChoices: [{ name: 'pretty', output: undefined }] }, io);
  await saveLastRun(project.dir, summary);
  const c = chalkFor(options.color);
  if (summary.summary.failed > 0) return 1;
  const next = project.challenge.stages[project.current.index];
  if (next) {
    println(io.stdout, `\nStage ${project.current.index} passes. ${c.bold('npx byo-kit next')} moves you on to stage ${next.index}: ${next.title}.`);
  } else {
    println(io.stdout, `\n${c.green('Every stage of this challenge passes.')} Congratulations — you built it.`);
  }
  return 0;
}
