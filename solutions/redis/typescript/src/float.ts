/**
 * A floating-point argument, accepted exactly where Redis's string2ld() accepts it (BLPOP's timeout goes
 * through it): C's strtold() syntax over the whole argument — `1`, `-2.5`, `.5`, `1.`, `1e3`, `+1`, hex
 * `0x1p-2`, `inf`/`infinity` — with no leading or trailing space, not NaN, not out of long double's range.
 * Undefined when Redis would say "not a float".
 *
 * The value is a double: Redis computes with an 80-bit long double, which only differs far beyond the
 * precision a timeout needs.
 */
export function parseLongDouble(bytes: Buffer): number | undefined {
  if (bytes.length === 0 || bytes.length >= MAX_LONG_DOUBLE_CHARS) return undefined;
  // Redis copies the argument into a C string, so strtold stops at a NUL, and a NUL is a fine place to stop.
  const nul = bytes.indexOf(0);
  const text = bytes.toString('latin1', 0, nul === -1 ? bytes.length : nul);
  if (text === '') return 0; // strtold parsed nothing, and "nothing" ends at the NUL: Redis takes that as 0
  const decimal = DECIMAL.exec(text);
  if (decimal !== null) return inLongDoubleRange(decimal, Number(text));
  const hex = HEX.exec(text);
  if (hex !== null) return hexFloat(hex);
  const infinity = INFINITY.exec(text);
  if (infinity !== null) return infinity[1] === '-' ? -Infinity : Infinity;
  return undefined; // including nan, which strtold reads but Redis refuses
}

/** Redis's MAX_LONG_DOUBLE_CHARS: a longer argument is refused before it is parsed. */
const MAX_LONG_DOUBLE_CHARS = 5 * 1024;

const DECIMAL = /^[+-]?(?:(\d+)\.?\d*|\.\d+)(?:[eE]([+-]?\d+))?$/;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/;
const INFINITY = /^([+-]?)(?:inf|infinity)$/i;

/** long double reaches about 1.19e4932, and down to about 3.6e-4951; past them strtold reports ERANGE. */
const MAX_DECIMAL_EXPONENT = 4932;
const MIN_DECIMAL_EXPONENT = -4950;

/**
 * A decimal within long double's range, which is wider than a double's. Only the decimal exponent decides
 * (roughly, right at the edges). A double that overflowed to Infinity stands for "too big for a timeout", as
 * Redis's huge long double does; one that underflowed to 0 becomes the smallest double of its sign, since for
 * Redis it is not zero.
 */
function inLongDoubleRange(match: RegExpExecArray, value: number): number | undefined {
  const text = match[0];
  const mantissa = (text.split(/[eE]/)[0] ?? '').replace(/^[+-]/, '');
  const digits = mantissa.replace('.', '');
  const firstDigit = digits.search(/[1-9]/);
  if (firstDigit === -1) return value; // zero
  const pointAt = mantissa.includes('.') ? mantissa.indexOf('.') : mantissa.length;
  const order = pointAt - firstDigit - 1 + Number(match[2] ?? 0);
  if (order > MAX_DECIMAL_EXPONENT || order < MIN_DECIMAL_EXPONENT) return undefined;
  if (value === 0) return text.startsWith('-') ? -Number.MIN_VALUE : Number.MIN_VALUE;
  return value;
}

/** `0x1.8p3` = 1.5 × 2³. A hex float needs at least one digit, and its exponent is a power of two. */
function hexFloat(match: RegExpExecArray): number | undefined {
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return undefined;
  let value = 0;
  for (const digit of whole + fraction) value = value * 16 + Number.parseInt(digit, 16);
  value *= 2 ** (Number(exponent) - 4 * fraction.length);
  return sign === '-' ? -value : value;
}
