// Mutant: `bytes=A-B` names bytes A through B inclusive (RFC 9110 §14.1.2), but the learner slices with
// `content.subarray(first, last)`, JavaScript's exclusive end. The Content-Range header still says A-B, while
// the body (and so Content-Length) holds B-A bytes: the last byte of every range is missing.
import type { HttpRequest } from '../../typescript/src/router.js';
import type { HttpResponse } from '../../typescript/src/response.js';
import { getFile as getReference } from '../../typescript/src/files.js';

export { parseRange, postFile } from '../../typescript/src/files.js';

export async function getFile(request: HttpRequest, directory: string, name: string): Promise<HttpResponse> {
  const response = await getReference(request, directory, name);
  if (response.status !== 206) return response;
  return { ...response, body: response.body.subarray(0, -1) }; // the bug: the range's last byte is left out
}
