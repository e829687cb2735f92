/**
 * An error the client caused, thrown from deep inside a command (a type check in the store, a number that does
 * not parse) and answered as an error reply by the dispatcher. Throwing saves every handler from threading
 * "or an error" through each helper it calls; the message is the whole line Redis sends, `ERR ...` or
 * `WRONGTYPE ...`. Anything else thrown is a bug in the server, not the client's doing.
 */
export class CommandError extends Error {
  override name = 'CommandError';
}

// Redis's shared error replies, word for word: clients and tests compare them byte for byte.
export const WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';
export const NOT_AN_INTEGER = 'ERR value is not an integer or out of range';
export const SYNTAX_ERROR = 'ERR syntax error';
