/**
 * cty numbers are arbitrary-precision decimals. They are represented losslessly as:
 * - `number` when the value is exactly a JS number (safe integers, or decimals whose shortest JS text is the value),
 * - `bigint` for integers beyond 2^53,
 * - `Decimal` (canonical decimal text) for everything else.
 */
export class Decimal {
  readonly text: string;
  constructor(text: string) {
    this.text = canonicalDecimal(text);
  }
  toString(): string {
    return this.text;
  }
}

export type NumberValue = number | bigint | Decimal;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
// Integers with more digits than this stay Decimal instead of expanding "1e100000" into a huge bigint.
const MAX_BIGINT_DIGITS = 400;

/** Canonical decimal text: no leading/trailing zeros, exponent only when needed ("1.5", "-12", "1e+500"). */
export function canonicalDecimal(text: string): string {
  const match = DECIMAL.exec(text.trim());
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) {
    throw new Error(`invalid number ${JSON.stringify(text)}`);
  }
  const [, sign = "", intPart = "", fracPart = "", expPart = "0"] = match;
  let digits = (intPart + fracPart).replace(/^0+/, "");
  if (digits === "") {
    return "0";
  }
  let exponent = Number(expPart) - fracPart.length;
  const trimmed = digits.replace(/0+$/, "");
  exponent += digits.length - trimmed.length;
  digits = trimmed;
  const prefix = sign === "-" ? "-" : "";
  if (exponent >= 0) {
    return digits.length + exponent > MAX_BIGINT_DIGITS
      ? `${prefix}${digits}e+${exponent}`
      : `${prefix}${digits}${"0".repeat(exponent)}`;
  }
  const point = digits.length + exponent;
  if (point > 0) {
    return `${prefix}${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  return point > -MAX_BIGINT_DIGITS ? `${prefix}0.${"0".repeat(-point)}${digits}` : `${prefix}${digits}e${exponent}`;
}

/** The lossless representation of a decimal text. */
export function numberFromText(text: string): NumberValue {
  const canonical = canonicalDecimal(text);
  const asNumber = Number(canonical);
  if (Number.isFinite(asNumber) && canonicalDecimal(String(asNumber)) === canonical) {
    return asNumber;
  }
  if (/^-?\d+$/.test(canonical)) {
    return BigInt(canonical);
  }
  return new Decimal(canonical);
}

/** Narrows a bigint to a number when that is exact. */
export function normaliseBigInt(value: bigint): NumberValue {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

export function numberToText(value: NumberValue): string {
  return value instanceof Decimal ? value.text : canonicalDecimal(String(value));
}

export function isNumberValue(value: unknown): value is NumberValue {
  return typeof value === "number" || typeof value === "bigint" || value instanceof Decimal;
}

export function numbersEqual(a: NumberValue, b: NumberValue): boolean {
  if (typeof a === "number" && typeof b === "number") {
    return a === b;
  }
  return numberToText(a) === numberToText(b);
}
