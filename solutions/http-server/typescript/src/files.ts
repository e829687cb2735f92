import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fieldValue } from './fields.js';
import { type HttpResponse, respond } from './response.js';
import type { HttpRequest } from './router.js';

/**
 * GET (and HEAD) /files/{name}: the file's bytes, with a strong ETag for conditional requests and support for
 * a single byte range. If-None-Match is evaluated before Range, as RFC 9110 §13.2.2 orders preconditions.
 */
export async function getFile(request: HttpRequest, directory: string, name: string): Promise<HttpResponse> {
  const path = filePath(directory, name);
  const content = path === undefined ? undefined : await readIfExists(path);
  if (content === undefined) return respond(404);

  const etag = entityTag(content);
  // RFC 9110 §13.1.2: if the client's cached copy is current, say so instead of resending it.
  if (matchesIfNoneMatch(fieldValue(request.headers, 'if-none-match'), etag)) return respond(304, { ETag: etag });

  const headers = { 'Content-Type': 'application/octet-stream', ETag: etag, 'Accept-Ranges': 'bytes' };
  // RFC 9110 §14.2: range handling is defined for GET only; HEAD ignores Range and describes the whole file.
  const range = request.method === 'GET' ? parseRange(fieldValue(request.headers, 'range'), content.length) : undefined;
  if (range === 'unsatisfiable') {
    return respond(416, { 'Content-Range': `bytes */${content.length}` });
  }
  if (range !== undefined) {
    const contentRange = `bytes ${range.first}-${range.last}/${content.length}`;
    return respond(206, { ...headers, 'Content-Range': contentRange }, content.subarray(range.first, range.last + 1));
  }
  return respond(200, headers, content);
}

/** POST /files/{name}: store the request body byte for byte. */
export async function postFile(request: HttpRequest, directory: string, name: string): Promise<HttpResponse> {
  const path = filePath(directory, name);
  if (path === undefined) return respond(404);
  await writeFile(path, request.body);
  return respond(201);
}

/**
 * Where {name} lives, or undefined for a name that would escape the directory. The router's pattern already
 * keeps "/" out of names; "." and ".." are the only single segments left that point elsewhere. The name is not
 * percent-decoded, so "%2F" stays three harmless characters of a file name.
 */
function filePath(directory: string, name: string): string | undefined {
  return name === '.' || name === '..' ? undefined : join(directory, name);
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined;
    throw error; // anything else (permissions, I/O) is a real failure: the router turns it into a 500
  }
}

/**
 * A strong entity tag (RFC 9110 §8.8.3): derived from the content itself, so it changes exactly when the
 * bytes change — unlike one built from the modification time, which can miss two writes in the same tick.
 */
function entityTag(content: Buffer): string {
  return `"${createHash('sha256').update(content).digest('base64url')}"`;
}

/**
 * If-None-Match: `*` or a list of entity tags (RFC 9110 §13.1.2). It uses the weak comparison, so a `W/`
 * prefix on the client's tag does not matter. Tags are picked out whole rather than split on commas, because a
 * comma is a legal character inside a tag's quotes.
 */
function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const tags = header.match(/(?:W\/)?"[^"]*"/g) ?? [];
  return tags.some((tag) => tag.replace(/^W\//, '') === etag);
}

type ByteRange = { first: number; last: number } | 'unsatisfiable' | undefined;

/**
 * Parse a single-range `Range` header against a representation of `size` bytes (RFC 9110 §14.1.2):
 * `bytes=A-B`, `bytes=A-` (to the end) or `bytes=-N` (the last N bytes); a last position past the end is
 * clamped. Returns undefined when the header is absent or not something we serve — several ranges, another
 * unit, or an invalid spec — and the server then ignores it and sends the whole file, as §14.2 permits.
 */
export function parseRange(header: string | undefined, size: number): ByteRange {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/i.exec(header.trim());
  const [, first = '', last = ''] = match ?? [];
  if (match === null || (first === '' && last === '')) return undefined;

  if (first === '') {
    // Suffix range: the last N bytes, or the whole file if it is shorter than N.
    const length = Number(last);
    return length === 0 || size === 0 ? 'unsatisfiable' : { first: Math.max(0, size - length), last: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Infinity : Number(last);
  if (end < start) return undefined; // RFC 9110 §14.1.1: last-pos < first-pos makes the range invalid
  if (start >= size) return 'unsatisfiable';
  return { first: start, last: Math.min(end, size - 1) };
}
