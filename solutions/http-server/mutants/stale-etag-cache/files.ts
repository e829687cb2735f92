// Mutant: hashing a file on every GET looked wasteful, so the learner memoises its ETag by name — and forgets to
// drop the entry when POST /files/{name} replaces the content. A cache revalidating with the old tag is told
// 304 "still current" and keeps serving the old bytes: the tag must change when the content does (RFC 9110 §8.8.3).
import type { HttpRequest } from '../../typescript/src/router.js';
import type { HttpResponse } from '../../typescript/src/response.js';
import { getFile as getReference } from '../../typescript/src/files.js';

export { parseRange, postFile } from '../../typescript/src/files.js';

const etags = new Map<string, string>(); // the bug: filled on the first GET, never invalidated

export async function getFile(request: HttpRequest, directory: string, name: string): Promise<HttpResponse> {
  const headers = new Map(request.headers);
  headers.delete('if-none-match');
  const current = (await getReference({ ...request, headers }, directory, name)).headers.ETag;
  if (current === undefined) return getReference(request, directory, name);
  const memoised = etags.get(name) ?? current;
  etags.set(name, memoised);
  // Evaluate If-None-Match against the memoised tag: where the client names it, the reference sees the real one.
  const condition = request.headers.get('if-none-match')?.map((value) => value.replaceAll(memoised, current));
  if (condition !== undefined) headers.set('if-none-match', condition);
  const response = await getReference({ ...request, headers }, directory, name);
  return { ...response, headers: { ...response.headers, ETag: memoised } };
}
