import { type HttpResponse, header, isBodiless } from './message.js';

/** The likeliest reason bytes follow `response` on the connection, as one sentence (or empty). */
export function unreadBytesAdvice(response: HttpResponse, method: string): string {
  if (method.toUpperCase() === 'HEAD') return 'A response to HEAD must not include a body (RFC 9110 §9.3.2), even though its Content-Length describes one.';
  if (isBodiless(method, response.status)) return `A ${response.status} response has no body (RFC 9110 §15), so nothing may follow its headers.`;
  if (response.framing === 'content-length') return 'Is Content-Length smaller than the body you sent?';
  if (response.framing === 'chunked') return 'Does your chunked body end exactly with the last chunk "0\\r\\n\\r\\n"?';
  if (header(response, 'content-length') === undefined) {
    return 'The response has no Content-Length header, so the grader read its body as empty: send Content-Length with every body.';
  }
  return '';
}
