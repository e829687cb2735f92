// Mutant: HEAD runs the GET handler and then empties the body itself, before the serializer computes
// Content-Length from it. No body goes out (right), but the length announced is 0, not the GET body's (wrong).
import { type HttpRequest, type RouterOptions, route as routeReference } from '../../typescript/src/router.js';
import type { HttpResponse } from '../../typescript/src/response.js';

export type { HttpRequest, RouterOptions };

export async function route(request: HttpRequest, options: RouterOptions): Promise<HttpResponse> {
  const response = await routeReference(request, options);
  return request.method === 'HEAD' ? { ...response, body: Buffer.alloc(0) } : response; // the bug
}
