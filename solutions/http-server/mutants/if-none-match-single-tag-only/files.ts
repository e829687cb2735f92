// Mutant: the learner checks `ifNoneMatch === etag || ifNoneMatch === '*'`. If-None-Match is a comma-separated
// list of entity tags (RFC 9110 §13.1.2) — a cache holding several versions sends them all — so
// `"old", "current"` must still match; here it never does and the whole file is resent.
import type { HttpRequest } from '../../typescript/src/router.js';
import { type HttpResponse, respond } from '../../typescript/src/response.js';
import { fieldValue } from '../../typescript/src/fields.js';
import { getFile as getReference } from '../../typescript/src/files.js';

export { parseRange, postFile } from '../../typescript/src/files.js';

export async function getFile(request: HttpRequest, directory: string, name: string): Promise<HttpResponse> {
  const condition = fieldValue(request.headers, 'if-none-match')?.trim();
  const headers = new Map(request.headers);
  headers.delete('if-none-match');
  const response = await getReference({ ...request, headers }, directory, name);
  const etag = response.headers.ETag;
  if (etag !== undefined && (condition === etag || condition === '*')) return respond(304, { ETag: etag }); // the bug
  return response;
}
