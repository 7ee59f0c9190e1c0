/** The few ASN.1 DER encoders needed to build an X.509 certificate. */
export function derTlv(tag: number, content: Uint8Array): Uint8Array {
  const length = content.length;
  const lengthBytes =
    length < 0x80 ? [length] : length < 0x100 ? [0x81, length] : [0x82, (length >> 8) & 0xff, length & 0xff];
  return concat([Uint8Array.of(tag, ...lengthBytes), content]);
}

export const derSequence = (...items: Uint8Array[]): Uint8Array => derTlv(0x30, concat(items));
export const derSet = (...items: Uint8Array[]): Uint8Array => derTlv(0x31, concat(items));
export const derExplicit = (tagNumber: number, item: Uint8Array): Uint8Array => derTlv(0xa0 + tagNumber, item);
export const derBoolean = (value: boolean): Uint8Array => derTlv(0x01, Uint8Array.of(value ? 0xff : 0x00));
export const derOctetString = (content: Uint8Array): Uint8Array => derTlv(0x04, content);
export const derUtf8String = (text: string): Uint8Array => derTlv(0x0c, new TextEncoder().encode(text));

/** A non-negative INTEGER from big-endian magnitude bytes. */
export function derInteger(magnitude: Uint8Array): Uint8Array {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) {
    start++;
  }
  const trimmed = magnitude.subarray(start);
  return derTlv(0x02, (trimmed[0] ?? 0) & 0x80 ? concat([Uint8Array.of(0), trimmed]) : trimmed);
}

export function derBitString(content: Uint8Array, unusedBits = 0): Uint8Array {
  return derTlv(0x03, concat([Uint8Array.of(unusedBits), content]));
}

export function derOid(dotted: string): Uint8Array {
  const [first = 0, second = 0, ...rest] = dotted.split(".").map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const base128 = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) {
      base128.unshift((value & 0x7f) | 0x80);
    }
    bytes.push(...base128);
  }
  return derTlv(0x06, Uint8Array.from(bytes));
}

/** UTCTime until 2049, GeneralizedTime after, as RFC 5280 requires. */
export function derTime(date: Date): Uint8Array {
  const iso = date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return date.getUTCFullYear() < 2050
    ? derTlv(0x17, new TextEncoder().encode(`${iso.slice(2)}Z`))
    : derTlv(0x18, new TextEncoder().encode(`${iso}Z`));
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}
