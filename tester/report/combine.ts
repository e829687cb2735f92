import type { Reporter } from './reporter.js';

/**
 * One reporter that forwards every event to several (`--reporter pretty --reporter junit`). Reports
 * are written one after the other so two reporters sharing stdout never interleave.
 */
export function combineReporters(reporters: readonly Reporter[]): Reporter {
  return {
    onRunStart: (run) => reporters.forEach((r) => r.onRunStart?.(run)),
    onBuild: (event) => reporters.forEach((r) => r.onBuild?.(event)),
    onStageStart: (stage) => reporters.forEach((r) => r.onStageStart?.(stage)),
    onLog: (event) => reporters.forEach((r) => r.onLog?.(event)),
    onStageEnd: (result) => reporters.forEach((r) => r.onStageEnd?.(result)),
    async onRunEnd(summary) {
      for (const reporter of reporters) await reporter.onRunEnd?.(summary);
    },
  };
}
