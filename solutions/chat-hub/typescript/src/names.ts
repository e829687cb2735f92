/**
 * What a name may be. Budget Chat asks for at least 1 to 16 ASCII letters and digits; 32 are allowed here, so a
 * long name works, yet no name can make every line that carries it huge.
 *
 * Letters and digits only keeps every line that carries a name unambiguous: no name can contain `]` and forge
 * `[alice] ` inside a message prefix, contain a space and read as two names in a listing, or end a line early.
 */
export const MAX_NAME_LENGTH = 32;

const LEGAL_NAME = new RegExp(`^[A-Za-z0-9]{1,${MAX_NAME_LENGTH}}$`);

/** True when `name` is 1 to MAX_NAME_LENGTH ASCII letters and digits (`\w` would also let `_` in). */
export function isLegalName(name: string): boolean {
  return LEGAL_NAME.test(name);
}
