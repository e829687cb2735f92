import { gunzipSync } from 'node:zlib';
import { escapeBytes } from '../../expect/escape-bytes.js';

/** A gzip bomb from a learner's program must not exhaust the grader. */
const MAX_OUTPUT = 64 * 1024 * 1024;

export type GunzipResult = { ok: true; value: Buffer } | { ok: false; message: string };

/**
 * Decompresses a `Content-Encoding: gzip` body, naming the usual mistakes first: an uncompressed body,
 * zlib/deflate output instead of gzip, or a Content-Length that cut the stream short.
 */
export function gunzipBody(response: { body: Buffer }): GunzipResult {
  const body = response.body;
  if (body.length === 0) return { ok: false, message: 'The body is empty, so it cannot be gzip data.' };
  if (body[0] === 0x78 && body.length >= 2 && ((body[0] << 8) | (body[1] ?? 0)) % 31 === 0) {
    return {
      ok: false,
      message: `The body is zlib (deflate) data, not gzip: it starts with ${escapeBytes(body, 16)}. Use a gzip encoder (gzip files start with the bytes 1f 8b).`,
    };
  }
  if (body[0] !== 0x1f || body[1] !== 0x8b) {
    return {
      ok: false,
      message: `The body is not gzip data: gzip starts with the bytes 1f 8b, but it starts with ${escapeBytes(body, 40)}. Did you send it uncompressed?`,
    };
  }
  try {
    return { ok: true, value: gunzipSync(body, { maxOutputLength: MAX_OUTPUT }) };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `The body starts like gzip data but does not decompress (${why}). Is Content-Length the length of the compressed bytes?`,
    };
  }
}
