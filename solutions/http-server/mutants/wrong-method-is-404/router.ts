// Mutant: the learner's route table is keyed by "METHOD /path", so `DELETE /echo/x` finds no route and gets the
// catch-all 404 — the server never tells the client that the path exists but the method is wrong (405 + Allow).
import { type HttpRequest, type RouterOptions, route as routeReference } from '../../typescript/src/router.js';
import { type HttpResponse, respond } from '../../typescript/src/response.js';

export type { HttpRequest, RouterOptions };

export async function route(request: HttpRequest, options: RouterOptions): Promise<HttpResponse> {
  const response = await routeReference(request, options);
  return response.status === 405 ? respond(404) : response; // the bug: no route for this method, so "not found"
}
