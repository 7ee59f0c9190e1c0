import type { CtyType, ObjectType } from "../protocol/cty/type.js";
import { attributeType, impliedType, type Schema, type SchemaAttribute, type SchemaBlock } from "../protocol/schema.js";
import type { Attribute, Attributes, BlockDefinition, ResourceSchema } from "./schema.js";

const NAME = /^[a-z0-9_]+$/;

/** The protocol schema for a framework schema; throws on definitions core would reject or mis-plan. */
export function toProtocolSchema(schema: ResourceSchema): Schema {
  return { version: schema.version ?? 0, block: toProtocolBlock(schema) };
}

const blockCache = new WeakMap<BlockDefinition, SchemaBlock>();

export function toProtocolBlock(definition: BlockDefinition): SchemaBlock {
  const cached = blockCache.get(definition);
  if (cached) {
    return cached;
  }
  const blocks = Object.entries(definition.blocks ?? {});
  for (const [name] of blocks) {
    checkName(name);
    if (name in definition.attributes) {
      throw new Error(`schema: ${name} is both an attribute and a block`);
    }
  }
  const block: SchemaBlock = {
    attributes: toProtocolAttributes(definition.attributes),
    blockTypes: blocks.map(([typeName, nested]) => ({
      typeName,
      block: toProtocolBlock(nested),
      nesting: nested.nesting,
      ...(nested.minItems !== undefined ? { minItems: nested.minItems } : {}),
      ...(nested.maxItems !== undefined ? { maxItems: nested.maxItems } : {}),
    })),
    ...description(definition),
    ...(definition.deprecated ? { deprecated: true } : {}),
  };
  blockCache.set(definition, block);
  return block;
}

function toProtocolAttributes(attributes: Attributes): SchemaAttribute[] {
  return Object.entries(attributes).map(([name, attribute]) => toProtocolAttribute(name, attribute));
}

function toProtocolAttribute(name: string, attribute: Attribute): SchemaAttribute {
  checkName(name);
  const { required, optional, computed } = attribute;
  if (!required && !optional && !computed) {
    throw new Error(`schema: attribute ${name} must be required, optional or computed`);
  }
  if (required && (optional || computed)) {
    throw new Error(`schema: attribute ${name} cannot be required and also optional or computed`);
  }
  if (attribute.default !== undefined && !computed) {
    throw new Error(`schema: attribute ${name} has a default and must therefore be computed`);
  }
  if (attribute.writeOnly && computed) {
    throw new Error(`schema: attribute ${name} is write-only and therefore cannot be computed`);
  }
  return {
    name,
    ...(attribute.nested
      ? {
          nestedType: {
            nesting: attribute.nested.nesting,
            attributes: toProtocolAttributes(attribute.nested.attributes),
          },
        }
      : { type: attribute.type as CtyType }),
    ...description(attribute),
    ...(required ? { required } : {}),
    ...(optional ? { optional } : {}),
    ...(computed ? { computed } : {}),
    ...(attribute.sensitive ? { sensitive: true } : {}),
    ...(attribute.deprecated ? { deprecated: true } : {}),
    ...(attribute.writeOnly ? { writeOnly: true } : {}),
  };
}

function description(item: { description?: string; markdownDescription?: string }) {
  if (item.markdownDescription) {
    return { description: item.markdownDescription, descriptionKind: "markdown" as const };
  }
  return item.description ? { description: item.description, descriptionKind: "plain" as const } : {};
}

function checkName(name: string): void {
  if (!NAME.test(name)) {
    throw new Error(`schema: name ${JSON.stringify(name)} must match ${NAME}`);
  }
}

const typeCache = new WeakMap<object, CtyType>();

/** The wire type of an attribute (nested attributes included). */
export function attributeCtyType(name: string, attribute: Attribute): CtyType {
  let type = typeCache.get(attribute);
  if (!type) {
    type = attributeType(toProtocolAttribute(name, attribute));
    typeCache.set(attribute, type);
  }
  return type;
}

const blockTypeCache = new WeakMap<BlockDefinition, ObjectType>();

/** The wire type of a block's value. */
export function blockCtyType(definition: BlockDefinition): ObjectType {
  let type = blockTypeCache.get(definition);
  if (!type) {
    type = impliedType(toProtocolBlock(definition));
    blockTypeCache.set(definition, type);
  }
  return type;
}
