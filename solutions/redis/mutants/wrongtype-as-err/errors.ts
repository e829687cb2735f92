// Mutant: `throw new CommandError('ERR Operation against a key holding the wrong kind of value')` — every error
// the server had sent so far began with ERR, so this one did too; Redis sends it with its own code, WRONGTYPE,
// which clients map to a distinct exception.
export { CommandError, NOT_AN_INTEGER, SYNTAX_ERROR } from '../../typescript/src/errors.js';

export const WRONGTYPE = 'ERR Operation against a key holding the wrong kind of value'; // the bug
