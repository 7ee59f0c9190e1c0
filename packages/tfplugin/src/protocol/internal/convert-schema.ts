import { typeToJson } from "../cty/type.js";
import type { Schema, SchemaAttribute, SchemaBlock } from "../schema.js";
import type { ProtoSchema, ProtoSchemaAttribute, ProtoSchemaBlock, ProtoStringKind } from "./proto-types.js";

const textEncoder = new TextEncoder();

export function schemaToProto(schema: Schema): ProtoSchema {
  return { version: schema.version, block: blockToProto(schema.block, schema.version) };
}

function blockToProto(block: SchemaBlock, version: number): ProtoSchemaBlock {
  return {
    version,
    attributes: block.attributes.map(attributeToProto),
    block_types: block.blockTypes.map((nested) => ({
      type_name: nested.typeName,
      // Core dereferences the nested block unconditionally: always send one.
      block: blockToProto(nested.block, 0),
      nesting: nested.nesting === "group" ? "GROUP" : upper(nested.nesting),
      min_items: nested.minItems ?? 0,
      max_items: nested.maxItems ?? 0,
    })),
    description: block.description ?? "",
    description_kind: kindToProto(block.descriptionKind),
    deprecated: block.deprecated ?? false,
  };
}

function attributeToProto(attribute: SchemaAttribute): ProtoSchemaAttribute {
  return {
    name: attribute.name,
    ...(attribute.nestedType
      ? {
          nested_type: {
            attributes: attribute.nestedType.attributes.map(attributeToProto),
            nesting: upper(attribute.nestedType.nesting),
          },
        }
      : { type: textEncoder.encode(JSON.stringify(typeToJson(requiredType(attribute)))) }),
    description: attribute.description ?? "",
    description_kind: kindToProto(attribute.descriptionKind),
    required: attribute.required ?? false,
    optional: attribute.optional ?? false,
    computed: attribute.computed ?? false,
    sensitive: attribute.sensitive ?? false,
    deprecated: attribute.deprecated ?? false,
    write_only: attribute.writeOnly ?? false,
  };
}

function requiredType(attribute: SchemaAttribute) {
  if (!attribute.type) {
    throw new Error(`attribute ${attribute.name} has neither type nor nestedType`);
  }
  return attribute.type;
}

function kindToProto(kind: SchemaBlock["descriptionKind"]): ProtoStringKind {
  return kind === "markdown" ? "MARKDOWN" : "PLAIN";
}

function upper<T extends string>(value: T): Uppercase<T> {
  return value.toUpperCase() as Uppercase<T>;
}
