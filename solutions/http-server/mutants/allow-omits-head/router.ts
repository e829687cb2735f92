// Mutant: Allow is built from the route's handler table (GET, POST), but HEAD is served by the GET handler and
// has no entry of its own, so it is left out: `Allow: GET` where RFC 9110 §10.2.1 wants `GET, HEAD`.
import { type HttpRequest, type RouterOptions, route as routeReference } from '../../typescript/src/router.js';
import type { HttpResponse } from '../../typescript/src/response.js';

export type { HttpRequest, RouterOptions };

export async function route(request: HttpRequest, options: RouterOptions): Promise<HttpResponse> {
  const response = await routeReference(request, options);
  const allow = response.headers.Allow;
  if (allow === undefined) return response;
  const handled = allow.split(', ').filter((method) => method !== 'HEAD'); // the bug: only methods with a handler
  return { ...response, headers: { ...response.headers, Allow: handled.join(', ') } };
}
