import { Writable } from 'node:stream';
import type { Challenge, RunSummary, StageEntry } from '../harness/stage.js';
import type { ReporterOptions } from './reporter.js';

/** Test data shared by the reporter tests: one stage passed, one failed, one skipped. */
function entry(index: number, slug: string, title: string): StageEntry {
  return { index, slug, title, instructionsPath: `/stages/0${index}-${slug}.md`, run: async () => {} };
}

export const stages = [
  entry(1, 'bind', 'Bind to a port'),
  entry(2, 'echo', 'Respond with a body'),
  entry(3, 'get-file', 'Return a file'),
  entry(4, 'post-file', 'Save a file'),
  entry(5, 'gzip', 'Compress the body'),
];

export const challenge: Challenge = {
  slug: 'http-server',
  title: 'HTTP server',
  summary: 'Speak HTTP/1.1',
  defaultPort: 4221,
  mode: 'server',
  stageTimeoutMs: 10_000,
  languages: ['python'],
  stages,
};

/** Has `%`, CR and LF, a `#` and a `]]>`: everything a report format must escape. */
export const failureMessage = [
  'Expected body "100% banana", got "50% banana" # halved',
  '',
  '  - expected: 100% banana\r',
  '  + received: 50% banana ]]>',
].join('\n');

export const summary: RunSummary = {
  challenge: 'http-server',
  seed: 12345,
  durationMs: 2100,
  stages: [
    {
      index: 1,
      slug: 'bind',
      title: 'Bind to a port',
      status: 'passed',
      durationMs: 123,
      message: '',
      log: ['$ nc -z localhost 4221', '[your_program] Listening on 4221', 'Port 4221 is open'],
    },
    {
      index: 2,
      slug: 'echo',
      title: 'Respond with a body',
      status: 'failed',
      durationMs: 1234,
      message: failureMessage,
      log: ['[client-1] $ curl -v http://localhost:4221/echo/banana', '[your_program] got GET /echo/banana'],
    },
    {
      index: 3,
      slug: 'get-file',
      title: 'Return a file',
      status: 'skipped',
      durationMs: 0,
      message: 'Not run: an earlier stage failed.',
      log: [],
    },
  ],
  summary: { passed: 1, failed: 1, skipped: 1 },
};

/** A stdout stand-in that keeps what was written. */
export function captureStdout(): { stream: Writable; text(): string } {
  let written = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      written += chunk.toString();
      callback();
    },
  });
  return { stream, text: () => written };
}

export function reporterOptions(overrides: Partial<ReporterOptions> = {}): ReporterOptions & {
  captured: () => string;
} {
  const stdout = captureStdout();
  return { color: false, debug: false, stdout: stdout.stream, env: {}, ...overrides, captured: stdout.text };
}
