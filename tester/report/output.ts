import { createWriteStream, mkdirSync } from 'node:fs';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { RunSummary } from '../harness/stage.js';
import type { Reporter, ReporterOptions } from './reporter.js';

type Destination = Pick<ReporterOptions, 'output' | 'stdout'>;

/** Writes a whole report to `--output` (parent directories created) or to stdout. */
export async function writeReport(destination: Destination, text: string): Promise<void> {
  if (destination.output !== undefined) {
    await mkdir(dirname(destination.output), { recursive: true });
    await writeFile(destination.output, text);
    return;
  }
  // Wait for the flush: on macOS stdout pipes are asynchronous and the CLI exits right after.
  await new Promise<void>((resolve, reject) => {
    destination.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/** Appends to a file that someone else owns (GitHub's step summary): never truncates it. */
export async function appendReport(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await appendFile(path, text);
}

/** A reporter that ignores the live events and renders the whole run once it is over. */
export function reportAtEnd(destination: Destination, render: (summary: RunSummary) => string): Reporter {
  return { onRunEnd: (summary) => writeReport(destination, render(summary)) };
}

/** A live text stream for the pretty reporter: stdout, or a file kept open for the whole run. */
export interface TextSink {
  write(text: string): void;
  /** Flushes and closes the file; rejects with any write error seen during the run. */
  close(): Promise<void>;
}

export function openSink(destination: Destination): TextSink {
  if (destination.output === undefined) {
    const { stdout } = destination;
    return {
      write: (text) => void stdout.write(text),
      close: () => new Promise<void>((resolve, reject) => {
        stdout.write('', (error) => (error ? reject(error) : resolve()));
      }),
    };
  }
  mkdirSync(dirname(destination.output), { recursive: true });
  const file = createWriteStream(destination.output);
  let failure: Error | undefined;
  file.on('error', (error) => (failure = error));
  return {
    write: (text) => void file.write(text),
    close: () => new Promise<void>((resolve, reject) => {
      if (failure) return reject(failure);
      file.end(() => (failure ? reject(failure) : resolve()));
      file.once('error', reject);
    }),
  };
}
