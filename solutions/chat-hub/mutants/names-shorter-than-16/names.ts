// Mutant: `name.length < 16` for "names of at least 16 characters must be allowed" — an off-by-one: 15 characters
// is the longest name accepted, so a legal 16-character name is refused. Short names all work.
export const MAX_NAME_LENGTH = 16;

export function isLegalName(name: string): boolean {
  return /^[A-Za-z0-9]+$/.test(name) && name.length < MAX_NAME_LENGTH; // the bug: `<` for `<=`
}
