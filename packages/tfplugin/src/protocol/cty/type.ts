/** cty types and their JSON form (the bytes in `Schema.Attribute.type`). */
export type CtyType =
  | { readonly kind: "string" }
  | { readonly kind: "number" }
  | { readonly kind: "bool" }
  | { readonly kind: "dynamic" }
  | { readonly kind: "list" | "set" | "map"; readonly element: CtyType }
  | { readonly kind: "object"; readonly attributes: Readonly<Record<string, CtyType>> }
  | { readonly kind: "tuple"; readonly elements: readonly CtyType[] };

export type ObjectType = Extract<CtyType, { kind: "object" }>;

export const cty = {
  string: { kind: "string" } as CtyType,
  number: { kind: "number" } as CtyType,
  bool: { kind: "bool" } as CtyType,
  dynamic: { kind: "dynamic" } as CtyType,
  list: (element: CtyType): CtyType => ({ kind: "list", element }),
  set: (element: CtyType): CtyType => ({ kind: "set", element }),
  map: (element: CtyType): CtyType => ({ kind: "map", element }),
  object: (attributes: Record<string, CtyType>): ObjectType => ({ kind: "object", attributes }),
  tuple: (elements: CtyType[]): CtyType => ({ kind: "tuple", elements }),
};

export type CtyTypeJson = string | [string, unknown] | [string, unknown, unknown];

export function typeToJson(type: CtyType): CtyTypeJson {
  switch (type.kind) {
    case "string":
    case "number":
    case "bool":
    case "dynamic":
      return type.kind;
    case "list":
    case "set":
    case "map":
      return [type.kind, typeToJson(type.element)];
    case "object":
      return ["object", Object.fromEntries(Object.entries(type.attributes).map(([k, t]) => [k, typeToJson(t)]))];
    case "tuple":
      return ["tuple", type.elements.map(typeToJson)];
  }
}

export function typeFromJson(json: unknown): CtyType {
  if (json === "string" || json === "number" || json === "bool" || json === "dynamic") {
    return { kind: json };
  }
  if (Array.isArray(json) && json.length >= 2) {
    const [kind, arg] = json as [unknown, unknown];
    if (kind === "list" || kind === "set" || kind === "map") {
      return { kind, element: typeFromJson(arg) };
    }
    if (kind === "object" && isRecord(arg)) {
      return cty.object(Object.fromEntries(Object.entries(arg).map(([k, t]) => [k, typeFromJson(t)])));
    }
    if (kind === "tuple" && Array.isArray(arg)) {
      return cty.tuple(arg.map(typeFromJson));
    }
  }
  throw new Error(`invalid cty type ${JSON.stringify(json)}`);
}

export function typesEqual(a: CtyType, b: CtyType): boolean {
  return JSON.stringify(typeToJson(a)) === JSON.stringify(typeToJson(b));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}
