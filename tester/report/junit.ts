import junitModule, { type Builder } from 'junit-report-builder';
import type { RunSummary } from '../harness/stage.js';
import { firstLine, testName } from './format.js';
import { reportAtEnd } from './output.js';
import type { ReporterFactory } from './reporter.js';

// The package is CommonJS (`module.exports = builder`) but its types say `export default`: under NodeNext
// TypeScript sees a namespace whose `default` is the builder, while Node hands over the builder itself.
const loaded = junitModule as unknown as Builder | { default: Builder };
const rootBuilder: Builder = 'default' in loaded ? loaded.default : loaded;

/**
 * One testsuite per run, one testcase per stage. The library escapes attributes, splits `]]>` inside
 * CDATA and drops characters XML forbids, so learner output cannot break the file.
 */
export function renderJunit(run: RunSummary): string {
  const builder = rootBuilder.newBuilder(); // the default export is a shared singleton: never add to it
  const suite = builder
    .testSuite()
    .name(run.challenge)
    .time(run.durationMs / 1000)
    .property('seed', String(run.seed));
  for (const stage of run.stages) {
    const testCase = suite
      .testCase()
      .className(run.challenge)
      .name(testName(stage))
      .time(stage.durationMs / 1000);
    if (stage.status === 'skipped') testCase.skipped();
    if (stage.status === 'failed') {
      const body = stage.log.length > 0 ? `${stage.message}\n\n${stage.log.join('\n')}` : stage.message;
      testCase.failure(firstLine(stage.message)).stacktrace(body);
    }
  }
  return `${builder.build()}\n`;
}

export const junit: ReporterFactory = (options) => reportAtEnd(options, renderJunit);
