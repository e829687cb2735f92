// Mutant: GET /echo/{str} answers with the whole path ("/echo/abc") instead of the part after "/echo/" ("abc"),
// the slice that strips the prefix having been forgotten.
import { type HttpRequest, type RouterOptions, route as routeReference } from '../../typescript/src/router.js';
import { type HttpResponse, respond } from '../../typescript/src/response.js';

export type { HttpRequest, RouterOptions };

export async function route(request: HttpRequest, options: RouterOptions): Promise<HttpResponse> {
  if (request.method === 'GET' && request.path.startsWith('/echo/')) {
    return respond(200, { 'Content-Type': 'text/plain' }, request.path);
  }
  return routeReference(request, options);
}
