/** HTTP/1.1 messages as the grader sends and receives them. Headers stay an ordered list of pairs. */

export interface HttpRequest {
  method: string;
  /** The request-target as sent: `/echo/abc`, `*`, or anything malformed a stage wants to send. */
  target: string;
  /** In order, names as written. Nothing is added implicitly (see `withDefaults`). */
  headers: [string, string][];
  /** Raw bytes (strings are sent as UTF-8). Already chunk-encoded when Transfer-Encoding says so. */
  body?: Buffer | string;
}

export interface HttpResponse {
  version: string;
  status: number;
  reason: string;
  /** In order as received, names as written, values with surrounding whitespace trimmed (latin1). */
  headers: [string, string][];
  /** Trailer lines after a chunked body; empty otherwise. */
  trailers: [string, string][];
  /** Content-Length bodies raw; chunked bodies decoded; never gunzipped (see gunzip.ts). */
  body: Buffer;
  /**
   * How the body was delimited. `none`: no Content-Length and no Transfer-Encoding (body read as empty),
   * or a response that has no body by rule (HEAD, 1xx, 204, 304), whatever its headers say.
   */
  framing: 'content-length' | 'chunked' | 'none';
  /** Length of the status line plus header section, final CRLF included: where the body starts. */
  headBytes: number;
  /** The exact bytes of the whole message as received. */
  raw: Buffer;
}

/** Every value of a header, case-insensitively by name, in order. */
export function headerValues(message: { headers: [string, string][] }, name: string): string[] {
  const wanted = name.toLowerCase();
  return message.headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
}

/** The header's value, repeated fields joined with `, ` (RFC 9110 §5.3); undefined when absent. */
export function header(message: { headers: [string, string][] }, name: string): string | undefined {
  const values = headerValues(message, name);
  return values.length === 0 ? undefined : values.join(', ');
}

/** Whether the response cannot have a body whatever its headers say (RFC 9112 §6.3 rules 1–2). */
export function isBodiless(method: string, status: number): boolean {
  return method.toUpperCase() === 'HEAD' || (status >= 100 && status < 200) || status === 204 || status === 304;
}
