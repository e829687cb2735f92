// Mutant: GET /files/{name} sends `Content-Type: text/plain`, copied from the echo handler, instead of
// `application/octet-stream`; the file's bytes are right.
import { getFile as getReference } from '../../typescript/src/files.js';
import type { HttpResponse } from '../../typescript/src/response.js';
import type { HttpRequest } from '../../typescript/src/router.js';

export { parseRange, postFile } from '../../typescript/src/files.js';

export async function getFile(request: HttpRequest, directory: string, name: string): Promise<HttpResponse> {
  const response = await getReference(request, directory, name);
  if (!('Content-Type' in response.headers)) return response;
  return { ...response, headers: { ...response.headers, 'Content-Type': 'text/plain' } };
}
