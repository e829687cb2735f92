const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * A signed 64-bit decimal integer, or undefined — exactly what Redis's string2ll() accepts, which is what both
 * the protocol (`*3`, `$5`) and command arguments (`PX 100`) go through: an optional `-`, then digits without a
 * leading zero (`0` alone is fine, `-0`, `+1`, `01`, ` 1` and the empty string are not), within int64.
 * A bigint, because a JavaScript number loses integers past 2^53 and Redis's range checks are made at 2^63.
 */
export function parseInt64(bytes: Buffer): bigint | undefined {
  const text = bytes.toString('latin1');
  if (!/^(0|-?[1-9][0-9]{0,19})$/.test(text)) return undefined;
  const value = BigInt(text);
  return value >= INT64_MIN && value <= INT64_MAX ? value : undefined;
}
