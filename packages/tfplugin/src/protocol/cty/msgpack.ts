import { Decoder, Encoder, ExtData } from "@msgpack/msgpack";
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
// One codec each for the process: `decode()`/`encode()` build a new one per call (with fresh key caches and
// buffers). Both are safe to reuse, even re-entrantly (they clone themselves when already in use).
const decoder = new Decoder({ useBigInt64: true });
const encoder = new Encoder({ useBigInt64: true });
/** An object type's attribute names, and the same sorted (cty's wire order), computed once per type. */
const attributeNames = new WeakMap<object, { names: string[]; sorted: string[] }>();
function namesOf(attributes: Readonly<Record<string, CtyType>>): { names: string[]; sorted: string[] } {
  let cached = attributeNames.get(attributes);
  if (!cached) {
    const names = Object.keys(attributes);
    cached = { names, sorted: [...names].sort() };
    attributeNames.set(attributes, cached);
  }
  return cached;
}

/** Decodes `DynamicValue.msgpack` typed by the schema. Empty bytes mean null (as core treats them). */
export function decodeMsgpack(bytes: Uint8Array, type: CtyType): CtyValue {
  if (bytes.length === 0) {
    return null;
  }
  return fromWire(decoder.decode(bytes), type, "");
}

export function encodeMsgpack(value: CtyValue, type: CtyType): Uint8Array {
  return encoder.encode(toWire(value, type, ""));
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
    case "set": {
      const items = expect(Array.isArray(raw), raw, type, at) as unknown[];
      const out: CtyValue[] = new Array(items.length);
      for (let i = 0; i < items.length; i++) {
        out[i] = fromWire(items[i], type.element, `${at}[${i}]`);
      }
      return out;
    }
    case "tuple":
      return (expect(Array.isArray(raw) && raw.length === type.elements.length, raw, type, at) as unknown[]).map(
        (e, i) => fromWire(e, type.elements[i] as CtyType, `${at}[${i}]`),
      );
    case "map": {
      const record = expect(isCtyObject(raw), raw, type, at) as Record<string, unknown>;
      const out: CtyObject = {};
      for (const key of Object.keys(record)) {
        setOwn(out, key, fromWire(record[key], type.element, `${at}.${key}`));
      }
      return out;
    }
    case "object": {
      const record = expect(isCtyObject(raw), raw, type, at) as Record<string, unknown>;
      const attributes = type.attributes;
      for (const key in record) {
        if (Object.hasOwn(record, key) && !(key in attributes)) {
          throw new Error(`unsupported attribute ${JSON.stringify(key)} at ${at || "root"}`);
        }
      }
      const out: CtyObject = {};
      for (const key of namesOf(attributes).names) {
        setOwn(out, key, fromWire(record[key] ?? null, attributes[key] as CtyType, `${at}.${key}`));
      }
      return out;
    }
  }
}

/** `target[key] = value` as an own data property, even for "__proto__" (as Object.fromEntries does). */
function setOwn(target: CtyObject, key: string, value: CtyValue): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
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
    case "set": {
      const items = expect(Array.isArray(value), value, type, at) as CtyValue[];
      const out: unknown[] = new Array(items.length);
      for (let i = 0; i < items.length; i++) {
        out[i] = toWire(items[i] as CtyValue, type.element, `${at}[${i}]`);
      }
      return out;
    }
    case "tuple":
      return (expect(Array.isArray(value), value, type, at) as CtyValue[]).map((e, i) =>
        toWire(e, type.elements[i] ?? { kind: "dynamic" }, `${at}[${i}]`),
      );
    case "map": {
      const record = expect(isCtyObject(value), value, type, at) as CtyObject;
      return sortedMap(Object.keys(record).sort(), (key) => toWire(record[key] ?? null, type.element, `${at}.${key}`));
    }
    case "object": {
      const record = expect(isCtyObject(value), value, type, at) as CtyObject;
      // Core rejects objects with missing or extra attributes: always write exactly the schema's attributes.
      const attributes = type.attributes;
      return sortedMap(namesOf(attributes).sorted, (key) =>
        toWire(record[key] ?? null, attributes[key] as CtyType, `${at}.${key}`),
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

/**
 * A plain object (the msgpack encoder writes `Map` instances as empty maps) with the given keys, already in sorted
 * order, like cty.
 */
function sortedMap(sortedKeys: readonly string[], valueFor: (key: string) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of sortedKeys) {
    setOwn(out as CtyObject, key, valueFor(key) as CtyValue);
  }
  return out;
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
