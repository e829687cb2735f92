// Mutant: POST /files/{name} writes the body followed by "\n" (as a line-oriented write would), so the file
// holds one byte more than the client sent.
import { postFile as postReference } from '../../typescript/src/files.js';
import type { HttpResponse } from '../../typescript/src/response.js';
import type { HttpRequest } from '../../typescript/src/router.js';

export { getFile, parseRange } from '../../typescript/src/files.js';

export function postFile(request: HttpRequest, directory: string, name: string): Promise<HttpResponse> {
  return postReference({ ...request, body: Buffer.concat([request.body, Buffer.from('\n')]) }, directory, name);
}
