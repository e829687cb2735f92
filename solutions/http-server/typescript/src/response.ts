/** A response as handlers build it; framing headers are added by serializeResponse, not by handlers. */
export interface HttpResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: Buffer;
}

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  206: 'Partial Content',
  304: 'Not Modified',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Content Too Large',
  416: 'Range Not Satisfiable',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
};

/** RFC 9110 §10.1.1: the interim answer to `Expect: 100-continue` — "go ahead, send the body". */
export const CONTINUE = Buffer.from('HTTP/1.1 100 Continue\r\n\r\n');

/**
 * Build a response. A string body holds bytes, one per character (they come from latin1-decoded request
 * data, such as the echoed path or User-Agent), so it is encoded back as latin1 to return them unchanged.
 */
export function respond(
  status: number,
  headers: Readonly<Record<string, string>> = {},
  body: Buffer | string = Buffer.alloc(0),
): HttpResponse {
  return { status, headers, body: typeof body === 'string' ? Buffer.from(body, 'latin1') : body };
}

export interface SerializeOptions {
  /** HEAD: send the headers GET would send, Content-Length included, but no body (RFC 9110 §9.3.2). */
  omitBody: boolean;
  /** This is the last response on the connection: say so (RFC 9112 §9.6). */
  close: boolean;
}

/** The bytes of a response: status line, header lines, empty line, body — in one buffer, so one write. */
export function serializeResponse(response: HttpResponse, options: SerializeOptions): Buffer {
  const { status, body } = response;
  // The reason phrase is optional to clients (RFC 9112 §4) but the space before it is not.
  const lines = [`HTTP/1.1 ${status} ${REASONS[status] ?? ''}`];
  // RFC 9110 §6.6.1: an origin server with a clock MUST send Date. toUTCString() is the IMF-fixdate format.
  lines.push(`Date: ${new Date().toUTCString()}`);
  for (const [name, value] of Object.entries(response.headers)) lines.push(`${name}: ${value}`);
  // Content-Length frames every response, even empty ones, so a persistent connection's next response is
  // found without guessing. Except 304: its Content-Length would have to be that of the 200 it stands for
  // (RFC 9110 §8.6), and it never has a body anyway (RFC 9112 §6.3 rule 1), so it gets none.
  if (status !== 304) lines.push(`Content-Length: ${body.length}`);
  if (options.close) lines.push('Connection: close');
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return options.omitBody || status === 304 || body.length === 0 ? head : Buffer.concat([head, body]);
}
