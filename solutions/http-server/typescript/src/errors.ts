/**
 * A request the server refuses with a specific status code (400, 413, 431, 501).
 *
 * The connection answers it and then closes: after a syntax or framing error we no longer know where the
 * next request would start, and guessing is how request smuggling happens (RFC 9112 §11.2).
 */
export class HttpError extends Error {
  override name = 'HttpError';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
