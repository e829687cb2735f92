import { acceptsGzip, gzip } from './encoding.js';
import { type Fields, fieldValue } from './fields.js';
import { getFile, postFile } from './files.js';
import { type HttpResponse, respond } from './response.js';

/** A complete request, body included, as handlers see it. */
export interface HttpRequest {
  method: string;
  path: string;
  headers: Fields;
  body: Buffer;
}

export interface RouterOptions {
  /** Where /files/{name} lives; without it, no file exists. */
  directory: string | undefined;
}

type Handler = (
  request: HttpRequest,
  parameter: string,
  options: RouterOptions,
) => HttpResponse | Promise<HttpResponse>;

interface Route {
  /** Matched against the whole path; the first capture group, if any, is passed to the handler. */
  pattern: RegExp;
  GET?: Handler;
  POST?: Handler;
}

const ROUTES: readonly Route[] = [
  { pattern: /^\/$/, GET: () => respond(200) },
  { pattern: /^\/echo\/(.*)$/, GET: echo },
  { pattern: /^\/user-agent$/, GET: (request) => text(fieldValue(request.headers, 'user-agent') ?? '') },
  {
    pattern: /^\/files\/([^/]+)$/,
    GET: (request, name, { directory }) => (directory ? getFile(request, directory, name) : respond(404)),
    POST: (request, name, { directory }) => (directory ? postFile(request, directory, name) : respond(404)),
  },
];

/**
 * Find the route for a request and run its handler. An unknown path is 404; a known path with a method it does
 * not support is 405, with an Allow header listing the methods it does support (RFC 9110 §15.5.6).
 */
export async function route(request: HttpRequest, options: RouterOptions): Promise<HttpResponse> {
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(request.path);
    if (match === null) continue;
    // HEAD is GET without the body (RFC 9110 §9.3.2): run the GET handler; the serializer leaves the body out.
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const handler = method === 'GET' ? candidate.GET : method === 'POST' ? candidate.POST : undefined;
    if (handler === undefined) return respond(405, { Allow: allowedMethods(candidate) });
    try {
      return await handler(request, match[1] ?? '', options);
    } catch (error) {
      console.error('handler failed:', error);
      return respond(500);
    }
  }
  return respond(404);
}

/** "GET, HEAD" or "GET, HEAD, POST": every GET route answers HEAD too. */
function allowedMethods(candidate: Route): string {
  const methods = [];
  if (candidate.GET) methods.push('GET', 'HEAD');
  if (candidate.POST) methods.push('POST');
  return methods.join(', ');
}

/** GET /echo/{str}: the rest of the path, gzip-compressed when the client accepts it. */
function echo(request: HttpRequest, value: string): HttpResponse {
  const body = Buffer.from(value, 'latin1');
  // The body differs by Accept-Encoding, so caches must key on it too (RFC 9110 §12.5.5).
  const headers = { 'Content-Type': 'text/plain', Vary: 'Accept-Encoding' };
  if (acceptsGzip(request.headers)) return respond(200, { ...headers, 'Content-Encoding': 'gzip' }, gzip(body));
  return respond(200, headers, body);
}

function text(body: string): HttpResponse {
  return respond(200, { 'Content-Type': 'text/plain' }, body);
}
