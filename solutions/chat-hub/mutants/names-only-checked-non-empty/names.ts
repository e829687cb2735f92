// Mutant: `if (name === '') return refuse()` — the only name rule the learner wrote. An empty line is refused; a
// name with a space, punctuation or non-ASCII letters joins, and can forge `[alice] ` prefixes or split listings.
export { MAX_NAME_LENGTH } from '../../typescript/src/names.js';

export function isLegalName(name: string): boolean {
  return name !== ''; // the bug: any non-empty line is a name
}
