import { execa } from 'execa';
import { UsageError } from './errors.js';

export interface BuildResult {
  ok: boolean;
  output: string;
  durationMs: number;
}

const BUILD_TIMEOUT_MS = 10 * 60 * 1000;
const OUTPUT_LIMIT = 64 * 1024;

/** Runs byo.yml's `build` once, in the project dir. Its time is not counted against any stage. */
export async function runBuild(command: string, cwd: string, env?: Record<string, string>): Promise<BuildResult> {
  const started = Date.now();
  const result = await execa(command, {
    shell: true,
    cwd,
    env,
    all: true,
    reject: false,
    stdin: 'ignore',
    timeout: BUILD_TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  let output = typeof result.all === 'string' ? result.all : '';
  if (output.length > OUTPUT_LIMIT) output = `…(${output.length - OUTPUT_LIMIT} bytes cut)\n${output.slice(-OUTPUT_LIMIT)}`;
  if (result.timedOut) output += `\n(build stopped after ${BUILD_TIMEOUT_MS / 60000} minutes)`;
  return { ok: !result.failed, output, durationMs: Date.now() - started };
}

/** A failed build is exit 2 with the compiler's own words. */
export function buildFailure(command: string, result: BuildResult): UsageError {
  const body = result.output.trim() ? result.output.trimEnd() : '(the build printed nothing)';
  return new UsageError(
    `The build failed: \`${command}\`\n\n${body}\n\nFix the error above, then run \`byo test\` again.`,
  );
}
