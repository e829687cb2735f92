import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipBody } from './gunzip.js';

describe('gunzipBody', () => {
  it('decompresses gzip', () => {
    expect(gunzipBody({ body: gzipSync('banana') })).toEqual({ ok: true, value: Buffer.from('banana') });
  });
  it('names an uncompressed body', () => {
    const result = gunzipBody({ body: Buffer.from('banana') });
    expect(result.ok || result.message).toBe(
      "The body is not gzip data: gzip starts with the bytes 1f 8b, but it starts with 'banana'. Did you send it uncompressed?",
    );
  });
  it('names zlib output', () => {
    const result = gunzipBody({ body: deflateSync('banana') });
    expect(result.ok || result.message).toMatch(/^The body is zlib \(deflate\) data, not gzip/);
  });
  it('names a truncated stream', () => {
    const gz = gzipSync('banana banana banana');
    const result = gunzipBody({ body: gz.subarray(0, gz.length - 6) });
    expect(result.ok || result.message).toMatch(/^The body starts like gzip data but does not decompress \(.+\)\. Is Content-Length/);
  });
});
