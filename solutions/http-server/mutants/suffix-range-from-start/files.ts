// Mutant: the learner parses a range as `const [first, last] = spec.split('-').map(Number)`. For a suffix range
// `-N`, Number('') is 0, so "the last N bytes" (RFC 9110 §14.1.2) becomes bytes 0 through N. Modelled by rewriting
// the suffix form into that range before the reference handler sees it.
import type { HttpRequest } from '../../typescript/src/router.js';
import type { HttpResponse } from '../../typescript/src/response.js';
import { getFile as getReference } from '../../typescript/src/files.js';

export { parseRange, postFile } from '../../typescript/src/files.js';

export function getFile(request: HttpRequest, directory: string, name: string): Promise<HttpResponse> {
  const range = request.headers.get('range')?.map((value) => value.replace(/^bytes=-(\d+)$/i, 'bytes=0-$1')); // the bug
  const headers = new Map(request.headers);
  if (range !== undefined) headers.set('range', range);
  return getReference({ ...request, headers }, directory, name);
}
