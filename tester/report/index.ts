import { exercism } from './exercism.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { pretty } from './pretty.js';
import type { ReporterFactory } from './reporter.js';
import { tap } from './tap.js';

/** Name → factory. Its keys are the values `--reporter` accepts (vitest's `ReportersMap`). */
export const reporters = { pretty, json, junit, tap, github, exercism } satisfies Record<string, ReporterFactory>;

export type ReporterName = keyof typeof reporters;

export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(reporters, name);
}

export { combineReporters } from './combine.js';
export type { LogEvent, Reporter, ReporterFactory, ReporterOptions, RunStart } from './reporter.js';
