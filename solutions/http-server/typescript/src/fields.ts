/**
 * Header fields of a request, keyed by lower-cased name (field names are case-insensitive, RFC 9110 §5.1).
 * Each name maps to its values in the order their lines arrived. Values are latin1-decoded strings, so every
 * byte the client sent survives a round trip (RFC 9110 §5.5 allows obs-text bytes 0x80–0xFF).
 */
export type Fields = Map<string, string[]>;

/**
 * The value of a field, with repeated lines joined by ", " (RFC 9110 §5.3: a recipient may combine them,
 * because such fields are defined as comma-separated lists). `undefined` when the field is absent.
 */
export function fieldValue(fields: Fields, name: string): string | undefined {
  return fields.get(name)?.join(', ');
}

/** The elements of a list-valued field (RFC 9110 §5.6.1): split on commas, trimmed, empty elements dropped. */
export function fieldList(fields: Fields, name: string): string[] {
  return (fields.get(name) ?? [])
    .flatMap((value) => value.split(','))
    .map((element) => element.trim())
    .filter((element) => element !== '');
}

/** Whether a list-valued field holds `token`, compared case-insensitively (e.g. `Connection: close`). */
export function hasToken(fields: Fields, name: string, token: string): boolean {
  return fieldList(fields, name).some((element) => element.toLowerCase() === token);
}
