// Mutant: the server answers "200 OK" whatever the path, like a first version that writes one fixed status line:
// an unknown path never gets 404 Not Found.
import { type HttpRequest, type RouterOptions, route as routeReference } from '../../typescript/src/router.js';
import { type HttpResponse, respond } from '../../typescript/src/response.js';

export type { HttpRequest, RouterOptions };

export async function route(request: HttpRequest, options: RouterOptions): Promise<HttpResponse> {
  const response = await routeReference(request, options);
  return response.status === 404 ? respond(200) : response;
}
