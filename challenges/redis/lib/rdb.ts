/**
 * The persistence stages' setup: the grader writes an RDB file itself (tester/protocols/rdb, proven to load in
 * redis-server), logs what it holds byte by byte, and starts the program with `--dir DIR --dbfilename NAME`.
 */
import { realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StageContext } from '../../../tester/harness/context.js';
import { type RdbString, annotateRdb, formatRdbAnnotation } from '../../../tester/protocols/rdb/writer.js';

export type { RdbString } from '../../../tester/protocols/rdb/writer.js';

/** Lines of the byte-by-byte layout shown in the log; the rest is summarized (a 20 KB value is one line anyway). */
const LAYOUT_LINES = 60;

/** Writes the file, logs its layout, and starts the program on it. Returns the file's path. */
export async function startWithRdb(t: StageContext, entries: RdbString[]): Promise<string> {
  const dir = await realpath(await t.tempDir());
  const dbfilename = `${t.random.word()}-${t.random.int(100, 999)}.rdb`;
  const path = join(dir, dbfilename);
  // One layout for both the file and the log, so what the learner reads is exactly what is on disk.
  const layout = annotateRdb(entries);
  const bytes = Buffer.concat(layout.map((segment) => segment.bytes));
  await writeFile(path, bytes);
  t.log.info(`byo wrote ${bytes.length} bytes to ${path}. What they mean (offset, bytes, meaning):`);
  for (const line of formatRdbAnnotation(layout.slice(0, LAYOUT_LINES)).split('\n')) t.log.info(`  ${line}`);
  if (layout.length > LAYOUT_LINES) t.log.info(`  … ${layout.length - LAYOUT_LINES} more parts`);
  await t.startProgram({ args: ['--dir', dir, '--dbfilename', dbfilename] });
  return path;
}
