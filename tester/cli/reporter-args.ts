import { UsageError } from '../harness/errors.js';
import { isReporterName, reporters, type ReporterName } from '../report/index.js';

export interface ReporterChoice {
  name: ReporterName;
  output: string | undefined;
}

/**
 * Pairs each `--reporter NAME` with the `--output FILE` that follows it, in command-line order
 * (`--reporter json --reporter junit --output report.xml`: json to stdout, junit to report.xml).
 * Commander keeps repeated options but not how two different options interleave, so this reads argv.
 */
export function parseReporterArgs(argv: readonly string[], fallback: ReporterName): ReporterChoice[] {
  const choices: ReporterChoice[] = [];
  let pendingOutput: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = splitFlag(argv[i] as string);
    if (flag !== '--reporter' && flag !== '--output' && flag !== '-o') continue;
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('-')) throw new UsageError(`${flag} needs a value.`);
    if (flag === '--reporter') {
      if (!isReporterName(value)) {
        throw new UsageError(`Unknown reporter "${value}". Choose from: ${Object.keys(reporters).join(', ')}.`);
      }
      choices.push({ name: value, output: undefined });
    } else {
      const last = choices.at(-1);
      if (last && last.output === undefined) last.output = value;
      else if (choices.length === 0) pendingOutput = value;
      else throw new UsageError(`--output ${value}: the reporter before it already has an output. Give each reporter one --output.`);
    }
  }
  if (choices.length === 0) return [{ name: fallback, output: pendingOutput }];
  if (pendingOutput !== undefined) throw new UsageError('--output goes after the --reporter it belongs to.');
  return choices;
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}
