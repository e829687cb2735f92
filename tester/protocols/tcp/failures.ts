import { renderCaret } from '../../expect/caret.js';
import { countBytes, escapeBytes } from '../../expect/escape-bytes.js';
import { hintFor } from '../../expect/hints.js';
import { StageFailure } from '../../harness/errors.js';

/**
 * The learner-facing wording of every way a read can go wrong. `what` is an indefinite noun phrase
 * ("an HTTP response to `GET /`"); sentences that need the definite form get it from `definite()`.
 */

export function definite(what: string): string {
  return what.replace(/^(an?|some) /, 'the ');
}

/** The decoder's account of what is missing, as its own line. */
function stillWaiting(waitingFor: string | undefined): string {
  if (!waitingFor) return '';
  return `\nStill waiting for ${waitingFor}${/[.?!]$/.test(waitingFor) ? '' : '.'}`;
}

export function connectFailure(host: string, port: number, error: NodeJS.ErrnoException): StageFailure {
  const named: Record<string, string> = { ECONNREFUSED: 'connection refused', ECONNRESET: 'connection reset' };
  const why = named[error.code ?? ''] ?? error.code ?? error.message;
  return new StageFailure(`Could not connect to ${host}:${port} (${why}). Is your program listening on port ${port}?`);
}

export function connectTimeout(host: string, port: number, timeoutMs: number): StageFailure {
  return new StageFailure(
    `Could not connect to ${host}:${port} within ${timeoutMs} ms. Is your program accepting connections on port ${port}?`,
  );
}

export function readTimeout(what: string, timeoutMs: number, received: Buffer, waitingFor?: string): StageFailure {
  if (received.length === 0) return new StageFailure(`Expected ${what} within ${timeoutMs} ms, but your program sent nothing.`);
  return new StageFailure(
    `Expected ${what} within ${timeoutMs} ms, but only ${countBytes(received.length)} arrived and they do not complete it.` +
      `${stillWaiting(waitingFor)}\nReceived: ${escapeBytes(received)}`,
  );
}

export function closedEarly(what: string, received: Buffer, waitingFor?: string): StageFailure {
  const hint = hintFor('EOF');
  if (received.length === 0) return new StageFailure(`Your program closed the connection before sending ${what}.`, { hint });
  return new StageFailure(
    `Your program closed the connection after sending ${countBytes(received.length)}, ` +
      `before ${definite(what)} was complete: ${escapeBytes(received)}${stillWaiting(waitingFor)}`,
    { hint },
  );
}

export function broken(what: string, error: NodeJS.ErrnoException, received: Buffer): StageFailure {
  const sent = received.length > 0 ? `, after sending ${countBytes(received.length)}: ${escapeBytes(received)}` : '';
  if (error.code === 'ECONNRESET') {
    return new StageFailure(`Your program reset the connection (ECONNRESET) while the grader was waiting for ${what}${sent}.`, {
      hint: hintFor(error.code),
    });
  }
  const why = error.code ?? error.message;
  return new StageFailure(`The connection failed (${why}) while the grader was waiting for ${what}${sent}.`, {
    hint: hintFor(error.code),
  });
}

export function invalidBytes(what: string, received: Buffer, offset: number, message: string): StageFailure {
  return new StageFailure(`While reading ${what}, found a framing error at byte ${offset}:\n${renderCaret(received, offset, message)}`);
}

export function overflow(what: string, limit: number): StageFailure {
  return new StageFailure(`Your program sent more than ${limit} bytes without completing ${what}; the grader stopped reading.`);
}

export function stayedOpen(what: string, timeoutMs: number): StageFailure {
  return new StageFailure(`Expected ${what}, but it stayed open for ${timeoutMs} ms.`);
}

export function unexpectedBytes(what: string, received: Buffer): StageFailure {
  return new StageFailure(`Expected ${what}, but your program sent ${countBytes(received.length, 'more')}: ${escapeBytes(received)}`);
}

export function sendFailed(bytes: number, error: NodeJS.ErrnoException, peerClosed: boolean): StageFailure {
  const why = peerClosed ? 'your program had already closed the connection' : 'the connection is broken';
  return new StageFailure(`Could not send ${countBytes(bytes)} to your program: ${why} (${error.code ?? error.message}).`, {
    hint: hintFor(error.code),
  });
}
