// Mutant: routing looks at the path only and never at the method, so every request runs the GET handler:
// POST /files/{name} reads the (missing) file and answers 404 instead of writing it.
import { type HttpRequest, type RouterOptions, route as routeReference } from '../../typescript/src/router.js';
import type { HttpResponse } from '../../typescript/src/response.js';

export type { HttpRequest, RouterOptions };

export function route(request: HttpRequest, options: RouterOptions): Promise<HttpResponse> {
  return routeReference({ ...request, method: 'GET' }, options);
}
