import { watch } from 'node:fs';
import { relative } from 'node:path';
import { gradeTarget } from './grade.js';
import { println, type Io } from './io.js';
import { loadLearnerProject } from './learner.js';
import { saveLastRun } from './progress.js';

/** Paths whose changes never trigger a run: build output, dependencies, version control. */
const IGNORED = /(^|\/)(\.git|\.byo|node_modules|dist|target|__pycache__|\.venv)(\/|$)/;
const DEBOUNCE_MS = 300;

/**
 * `byo watch`: re-runs the current stage whenever a source file is saved. A save during a run queues
 * exactly one more run; Ctrl-C stops.
 */
export async function watchCommand(options: { color: boolean; port?: string }, io: Io, signal?: AbortSignal): Promise<number> {
  const initial = await loadLearnerProject(io.cwd);
  let running = false;
  let queued = false;
  let timer: NodeJS.Timeout | undefined;

  const runOnce = async (): Promise<void> => {
    if (running) {
      queued = true;
      return;
    }
    running = true;
    try {
      const project = await loadLearnerProject(io.cwd); // byo.yml may have changed (byo next in another terminal)
      const summary = await gradeTarget(
        project,
        { stages: project.current.slug, port: options.port, color: options.color, reporterChoices: [{ name: 'pretty', output: undefined }] },
        io,
      );
      await saveLastRun(project.dir, summary);
    } catch (error) {
      println(io.stderr, error instanceof Error ? error.message : String(error));
    } finally {
      running = false;
      println(io.stdout, `\nWatching ${initial.dir} — save a file to re-run stage ${initial.current.slug}, Ctrl-C to stop.`);
      if (queued) {
        queued = false;
        void runOnce();
      }
    }
  };

  const watcher = watch(initial.dir, { recursive: true }, (_event, file) => {
    const path = file ? relative(initial.dir, `${initial.dir}/${file}`) : '';
    if (IGNORED.test(path)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void runOnce(), DEBOUNCE_MS);
  });
  await runOnce();
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    signal?.addEventListener('abort', stop, { once: true });
    process.once('SIGINT', stop);
  });
  watcher.close();
  clearTimeout(timer);
  return 0;
}
