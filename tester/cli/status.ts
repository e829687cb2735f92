import { println, type Io } from './io.js';
import { loadLearnerProject } from './learner.js';
import { readLastRun } from './progress.js';
import { chalkFor } from './style.js';

/** `byo status`: the whole curriculum at a glance, with the last run's results and where you are. */
export async function statusCommand(options: { color: boolean; dir?: string }, io: Io): Promise<number> {
  const project = await loadLearnerProject(io.cwd, options.dir);
  const last = await readLastRun(project.dir);
  const c = chalkFor(options.color);
  const { challenge, current } = project;
  println(io.stdout, `${c.bold(challenge.title)} — stage ${current.index} of ${challenge.stages.length}`);
  println(io.stdout, c.dim(last ? `last run ${last.at} (seed ${last.seed})` : 'not run yet: npx byo-kit test'));
  println(io.stdout);
  for (const stage of challenge.stages) {
    const result = last?.stages[stage.slug];
    const mark =
      result === 'passed' ? c.green('✓') : result === 'failed' ? c.red('✗') : stage.index < current.index ? c.green('·') : ' ';
    const here = stage.index === current.index ? c.cyan(' ← you are here') : '';
    const line = `${mark} ${String(stage.index).padStart(2)}  ${stage.slug.padEnd(24)} ${stage.title}${here}`;
    println(io.stdout, stage.index > current.index ? c.dim(line) : line);
  }
  const passed = challenge.stages.filter((s) => last?.stages[s.slug] === 'passed').length;
  println(io.stdout, `\n${passed}/${challenge.stages.length} stages passed in the last run.`);
  return 0;
}
