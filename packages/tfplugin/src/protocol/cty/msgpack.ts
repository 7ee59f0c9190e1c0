import { ExtData, decode, encode } from "@msgpack/msgpack";
import { Decimal, normaliseBigInt, numberFromText } from "./number.js";
import { type CtyType, typeFromJson, typeToJson } from "./type.js";
import { Unknown } from "./unknown.js";
import { type CtyObject, type CtyValue, Dynamic, describeType, isCtyObject } from "./value.js";

/** Core accepts a one-byte extension of any type as "wholly unknown"; this is what go-cty writes. */
const UNKNOWN_EXT = new ExtData(0, Uint8Array.of(0));
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;
const textDecoder = new TextDecoder();
const textEncoder = new TextEncoder();

/** Decodes `DynamicValue.msgpack` typed by the schema. Empty bytes mean null (as core treats them). */
export function decodeMsgpack(bytes: Uint8Array, type: CtyType): CtyValue {
  if (bytes.length === 0) {
    return null;
  }
  return fromWire(decode(bytes, { useBigInt64: true }), type, "");
}

export function encodeMsgpack(value: CtyValue, type: CtyType): Uint8Array {
  return encode(toWire(value, type, ""), { useBigInt64: true });
}

function fromWire(raw: unknown, type: CtyType, at: string): CtyValue {
  // Every extension is an unknown: type 0 plain, type 12 "refined" (refinements are not needed by a provider).
  if (raw instanceof ExtData) {
    return Unknown;
  }
  if (raw === null || raw === undefined) {
    return null;
  }
  switch (type.kind) {
    case "string":
      return expect(typeof raw === "string", raw, type, at) as string;
    case "bool":
      return expect(typeof raw === "boolean", raw, type, at) as boolean;
    case "number":
      if (typeof raw === "number") {
        return raw;
      }
      if (typeof raw === "bigint") {
        return normaliseBigInt(raw);
      }
      return numberFromText(expect(typeof raw === "string", raw, type, at) as string);
    case "dynamic": {
      const [typeBytes, inner] = expect(Array.isArray(raw) && raw.length === 2, raw, type, at) as [unknown, unknown];
      const concrete = typeFromJson(JSON.parse(textDecoder.decode(typeBytes as Uint8Array)));
      return new Dynamic(concrete, fromWire(inner, concrete, at));
    }
    case "list":
    case "set":
      return (expect(Array.isArray(raw), raw, type, at) as unknown[]).map((e, i) => fromWire(e, type.element, `${at}[${i}]`));
    case "tuple":
      return (expect(Array.isArray(raw) && raw.length === type.elements.length, raw, type, at) as unknown[]).map((e, i) =>
        fromWire(e, type.elements[i] as CtyType, `${at}[${i}]`),
      );
    case "map":
      return mapEntries(expect(isCtyObject(raw), raw, type, at) as Record<string, unknown>, () => type.element, at);
    case "object": {
      const record = expect(isCtyObject(raw), raw, type, at) as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (!(key in type.attributes)) {
          throw new Error(`unsupported attribute ${JSON.stringify(key)} at ${at || "root"}`);
        }
      }
      const filled = Object.fromEntries(Object.keys(type.attributes).map((key) => [key, record[key] ?? null]));
      return mapEntries(filled, (key) => type.attributes[key] as CtyType, at);
    }
  }
}

function mapEntries(record: Record<string, unknown>, typeOf: (key: string) => CtyType, at: string): CtyObject {
  return Object.fromEntries(Object.entries(record).map(([key, v]) => [key, fromWire(v, typeOf(key), `${at}.${key}`)]));
}

function expect(ok: boolean, raw: unknown, type: CtyType, at: string): unknown {
  if (!ok) {
    throw new Error(`msgpack value at ${at || "root"} does not conform to ${describeType(type)}: ${String(raw)}`);
  }
  return raw;
}

function toWire(value: CtyValue, type: CtyType, at: string): unknown {
  if (value === null || value === undefined) {
    return null;
  }
  if (value === Unknown) {
    return UNKNOWN_EXT;
  }
  switch (type.kind) {
    case "string":
    case "bool":
      return expect(typeof value === (type.kind === "bool" ? "boolean" : "string"), value, type, at);
    case "number":
      return numberToWire(value, type, at);
    case "dynamic": {
      const dynamic = value instanceof Dynamic ? value : inferDynamic(value);
      const typeBytes = textEncoder.encode(JSON.stringify(typeToJson(dynamic.type)));
      return [typeBytes, toWire(dynamic.value, dynamic.type, at)];
    }
    case "list":
    case "set":
      return (expect(Array.isArray(value), value, type, at) as CtyValue[]).map((e, i) => toWire(e, type.element, `${at}[${i}]`));
    case "tuple":
      return (expect(Array.isArray(value), value, type, at) as CtyValue[]).map((e, i) =>
        toWire(e, type.elements[i] ?? { kind: "dynamic" }, `${at}[${i}]`),
      );
    case "map": {
      const record = expect(isCtyObject(value), value, type, at) as CtyObject;
      return sortedMap(Object.keys(record), (key) => toWire(record[key] ?? null, type.element, `${at}.${key}`));
    }
    case "object": {
      const record = expect(isCtyObject(value), value, type, at) as CtyObject;
      // Core rejects objects with missing or extra attributes: always write exactly the schema's attributes.
      return sortedMap(Object.keys(type.attributes), (key) =>
        toWire(record[key] ?? null, type.attributes[key] as CtyType, `${at}.${key}`),
      );
    }
  }
}

function numberToWire(value: CtyValue, type: CtyType, at: string): unknown {
  if (typeof value === "number") {
    return value;
  }
  if (typeof value === "bigint") {
    // Beyond 64 bits msgpack has no integer format; cty accepts the decimal text.
    return value >= INT64_MIN && value <= UINT64_MAX ? value : value.toString();
  }
  return (expect(value instanceof Decimal, value, type, at) as Decimal).text;
}

/** A plain object (the msgpack encoder writes `Map` instances as empty maps) with keys in sorted order, like cty. */
function sortedMap(keys: string[], valueOf: (key: string) => unknown): Record<string, unknown> {
  return Object.fromEntries([...keys].sort().map((key) => [key, valueOf(key)]));
}

/** The cty type of a plain value assigned to a dynamic attribute without an explicit `Dynamic`. */
function inferDynamic(value: CtyValue): Dynamic {
  return new Dynamic(inferType(value), value);
}

function inferType(value: CtyValue): CtyType {
  if (typeof value === "string") {
    return { kind: "string" };
  }
  if (typeof value === "boolean") {
    return { kind: "bool" };
  }
  if (typeof value === "number" || typeof value === "bigint" || value instanceof Decimal) {
    return { kind: "number" };
  }
  if (value instanceof Dynamic) {
    return value.type;
  }
  if (Array.isArray(value)) {
    return { kind: "tuple", elements: value.map(inferType) };
  }
  if (isCtyObject(value)) {
    return { kind: "object", attributes: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inferType(v)])) };
  }
  // null and unknown carry no type of their own.
  return { kind: "dynamic" };
}
