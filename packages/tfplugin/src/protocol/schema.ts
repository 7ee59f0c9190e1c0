import { type CtyType, cty, type ObjectType } from "./cty/type.js";

/** Protocol-level schemas, mirroring `tfplugin6.Schema` with cty types instead of type bytes. */
export type DescriptionKind = "plain" | "markdown";

export interface SchemaAttribute {
  readonly name: string;
  /** Set exactly one of `type` and `nestedType`. */
  readonly type?: CtyType;
  readonly nestedType?: SchemaObject;
  readonly description?: string;
  readonly descriptionKind?: DescriptionKind;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
  /** Managed resources only (protocol 6.8): core takes the value from config but never stores it. */
  readonly writeOnly?: boolean;
}

export type ObjectNesting = "single" | "list" | "set" | "map";

export interface SchemaObject {
  readonly attributes: readonly SchemaAttribute[];
  readonly nesting: ObjectNesting;
}

export interface SchemaNestedBlock {
  readonly typeName: string;
  readonly block: SchemaBlock;
  readonly nesting: ObjectNesting | "group";
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface SchemaBlock {
  readonly attributes: readonly SchemaAttribute[];
  readonly blockTypes: readonly SchemaNestedBlock[];
  readonly description?: string;
  readonly descriptionKind?: DescriptionKind;
  readonly deprecated?: boolean;
}

export interface Schema {
  readonly version: number;
  readonly block: SchemaBlock;
}

export interface ProviderSchemas {
  readonly provider: Schema;
  readonly resources: Readonly<Record<string, Schema>>;
  readonly dataSources: Readonly<Record<string, Schema>>;
  readonly ephemeralResources: Readonly<Record<string, Schema>>;
}

/** The object type a block's values have on the wire (see the protocol notes, "Nesting → value type"). */
export function impliedType(block: SchemaBlock): ObjectType {
  const attributes: Record<string, CtyType> = {};
  for (const attribute of block.attributes) {
    attributes[attribute.name] = attributeType(attribute);
  }
  for (const nested of block.blockTypes) {
    attributes[nested.typeName] = nest(impliedType(nested.block), nested.nesting);
  }
  return cty.object(attributes);
}

export function attributeType(attribute: SchemaAttribute): CtyType {
  if (attribute.nestedType) {
    const object = cty.object(
      Object.fromEntries(attribute.nestedType.attributes.map((a) => [a.name, attributeType(a)])),
    );
    return nest(object, attribute.nestedType.nesting);
  }
  if (!attribute.type) {
    throw new Error(`attribute ${attribute.name} has neither type nor nestedType`);
  }
  return attribute.type;
}

function nest(object: ObjectType, nesting: ObjectNesting | "group"): CtyType {
  switch (nesting) {
    case "single":
    case "group":
      return object;
    case "list":
      return cty.list(object);
    case "set":
      return cty.set(object);
    case "map":
      return cty.map(object);
  }
}
