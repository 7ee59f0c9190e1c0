import { isNumberValue, type NumberValue, numbersEqual } from "./number.js";
import { type CtyType, isRecord, typesEqual, typeToJson } from "./type.js";
import { Unknown } from "./unknown.js";

/**
 * A cty value as plain JS: null, Unknown, string, bool, number (see number.ts), arrays for list/set/tuple,
 * plain objects for map/object, and `Dynamic` where the schema says "dynamic".
 */
export type CtyValue = null | Unknown | string | boolean | NumberValue | CtyValue[] | CtyObject | Dynamic;
export interface CtyObject {
  [key: string]: CtyValue;
}

/** A value of the "dynamic" pseudo-type: it carries its concrete type because the schema doesn't. */
export class Dynamic {
  readonly type: CtyType;
  readonly value: CtyValue;
  constructor(type: CtyType, value: CtyValue) {
    this.type = type;
    this.value = value;
  }
}

export function isCtyObject(value: unknown): value is CtyObject {
  return isRecord(value);
}

/** cty equality: sets compare regardless of order, numbers by value, unknown equals only unknown. */
export function valuesEqual(type: CtyType, a: CtyValue, b: CtyValue): boolean {
  if (a === b) {
    return true;
  }
  if (a === null || b === null || a === Unknown || b === Unknown) {
    return false;
  }
  switch (type.kind) {
    case "string":
    case "bool":
      return false;
    case "number":
      return isNumberValue(a) && isNumberValue(b) && numbersEqual(a, b);
    case "dynamic":
      return a instanceof Dynamic && b instanceof Dynamic && typesEqual(a.type, b.type)
        ? valuesEqual(a.type, a.value, b.value)
        : false;
    case "list":
      return arraysEqual(a, b, () => type.element);
    case "tuple":
      return arraysEqual(a, b, (i) => type.elements[i] ?? type);
    case "set":
      return setsEqual(type.element, a, b);
    case "map":
      return recordsEqual(a, b, () => type.element);
    case "object":
      return recordsEqual(a, b, (key) => type.attributes[key]);
  }
}

function arraysEqual(a: CtyValue, b: CtyValue, typeAt: (index: number) => CtyType): boolean {
  return (
    Array.isArray(a) &&
    Array.isArray(b) &&
    a.length === b.length &&
    a.every((v, i) => valuesEqual(typeAt(i), v, b[i] ?? null))
  );
}

function setsEqual(element: CtyType, a: CtyValue, b: CtyValue): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
    return false;
  }
  const unmatched = [...b];
  return a.every((v) => {
    const index = unmatched.findIndex((w) => valuesEqual(element, v, w));
    return index >= 0 && unmatched.splice(index, 1).length === 1;
  });
}

function recordsEqual(a: CtyValue, b: CtyValue, typeOf: (key: string) => CtyType | undefined): boolean {
  if (!isCtyObject(a) || !isCtyObject(b)) {
    return false;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const type = typeOf(key);
    if (!type || !(key in a) || !(key in b) || !valuesEqual(type, a[key] ?? null, b[key] ?? null)) {
      return false;
    }
  }
  return true;
}

/** A short human rendering of a type, for error messages. */
export function describeType(type: CtyType): string {
  return JSON.stringify(typeToJson(type));
}

/** A deep copy of the mutable parts (arrays, objects), so handlers can edit a response without touching requests. */
export function cloneValue<T extends CtyValue>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(cloneValue) as T;
  }
  if (isCtyObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneValue(v)])) as T;
  }
  return value;
}

/** Paths (as text) of every unknown inside a value. */
export function unknownPaths(value: CtyValue, at = ""): string[] {
  if (value === Unknown) {
    return [at];
  }
  if (value instanceof Dynamic) {
    return unknownPaths(value.value, at);
  }
  if (Array.isArray(value)) {
    return value.flatMap((element, i) => unknownPaths(element, `${at}[${i}]`));
  }
  if (isCtyObject(value)) {
    return Object.entries(value).flatMap(([key, v]) => unknownPaths(v, at ? `${at}.${key}` : key));
  }
  return [];
}
