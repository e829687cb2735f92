import { readFile } from 'node:fs/promises';
import type { StageContext } from '../../../tester/harness/context.js';
import { StageFailure } from '../../../tester/harness/errors.js';
import { escapeBytes } from '../../../tester/expect/escape-bytes.js';
import { hexWindow } from '../../../tester/expect/hex-window.js';
import { diffLines } from '../../../tester/expect/text-diff.js';
import { gunzipBody } from '../../../tester/protocols/http1/gunzip.js';
import type { HttpResponse } from '../../../tester/protocols/http1/message.js';

/** The file the program wrote must hold exactly `expected` (uploads are byte-for-byte). */
export async function expectFileContent(t: StageContext, path: string, expected: Buffer, options: { hint?: string } = {}): Promise<void> {
  let actual: Buffer;
  try {
    actual = await readFile(path);
  } catch {
    throw new StageFailure(`Expected your program to create ${path}, but the file does not exist.`, {
      hint: options.hint ?? 'Write the request body to the directory given with --directory, under the name from the path.',
    });
  }
  if (actual.equals(expected)) {
    t.log.success(`${path} holds exactly the ${expected.length} bytes sent.`);
    return;
  }
  const isText = !expected.some((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20));
  const detail = isText ? diffLines(expected.toString('utf8'), actual.toString('utf8')) : hexWindow(expected, actual);
  throw new StageFailure(
    `${path} does not hold the body that was sent: expected ${expected.length} bytes, the file has ${actual.length}.\n${detail}`,
    { hint: options.hint ?? 'Write the body exactly as received: every byte, nothing added (no newline, no headers).' },
  );
}

/** `Content-Encoding: gzip` bodies must be real gzip whose content is `expected`. */
export function expectGzipBody(response: HttpResponse, expected: string): void {
  const result = gunzipBody(response);
  if (!result.ok) throw new StageFailure(result.message, { hint: 'Compress the body with gzip (Go: compress/gzip; Node: zlib.gzipSync), and send the compressed length as Content-Length.' });
  const text = result.value.toString('utf8');
  if (text !== expected) {
    throw new StageFailure(`The gzip body decompresses to ${escapeBytes(result.value)}, expected ${escapeBytes(expected)}.`);
  }
}
