// The model → `terraform providers schema -json` (core's jsonprovider rendering: keys sorted, false flags omitted).
import type { Attribute, AttributeType, Block, ProviderModel, TypedBlock } from "./model.js";
import { PROVIDER_ADDRESS } from "./render-ts.js";

/** `terraform providers schema -json`'s attribute, as the docs generator reads it back. */
export interface AttributeJson {
  type?: TypeJson;
  nested_type?: { attributes: Record<string, AttributeJson>; nesting_mode: string };
  description?: string;
  description_kind: "plain";
  required?: true;
  optional?: true;
  computed?: true;
  sensitive?: true;
  write_only?: true;
  deprecated?: true;
}

export type TypeJson = string | [string, TypeJson];

export interface BlockJson {
  version: number;
  block: { attributes: Record<string, AttributeJson>; description: string; description_kind: "plain" };
}

export interface ProviderSchemaJson {
  format_version: string;
  provider_schemas: Record<
    string,
    {
      provider: BlockJson;
      resource_schemas: Record<string, BlockJson>;
      data_source_schemas: Record<string, BlockJson>;
      ephemeral_resource_schemas?: Record<string, BlockJson>;
    }
  >;
}

export function renderSchemaJson(model: ProviderModel): ProviderSchemaJson {
  const schemas = (items: TypedBlock[]) =>
    Object.fromEntries(
      [...items].sort((a, b) => a.typeName.localeCompare(b.typeName)).map((item) => [item.typeName, blockJson(item)]),
    );
  return {
    format_version: "1.0",
    provider_schemas: {
      [PROVIDER_ADDRESS]: {
        provider: blockJson(model.provider),
        resource_schemas: schemas(model.resources),
        data_source_schemas: schemas(model.dataSources),
        ...(model.ephemeralResources.length ? { ephemeral_resource_schemas: schemas(model.ephemeralResources) } : {}),
      },
    },
  };
}

function blockJson(block: Block): BlockJson {
  return {
    version: 0,
    block: { attributes: attributesJson(block.attributes), description: block.description, description_kind: "plain" },
  };
}

function attributesJson(attributes: Attribute[]): Record<string, AttributeJson> {
  return Object.fromEntries(
    [...attributes].sort((a, b) => a.name.localeCompare(b.name)).map((a) => [a.name, attributeJson(a)]),
  );
}

function attributeJson(attribute: Attribute): AttributeJson {
  const { type } = attribute;
  return {
    ...(type.kind === "nested"
      ? { nested_type: { attributes: attributesJson(type.attributes), nesting_mode: type.nesting } }
      : { type: typeJson(type) }),
    ...(attribute.description ? { description: attribute.description } : {}),
    description_kind: "plain",
    ...(attribute.required ? { required: true } : {}),
    ...(attribute.optional ? { optional: true } : {}),
    ...(attribute.computed ? { computed: true } : {}),
    ...(attribute.sensitive ? { sensitive: true } : {}),
    ...(attribute.writeOnly ? { write_only: true } : {}),
  };
}

function typeJson(type: AttributeType): TypeJson {
  return "element" in type ? [type.kind, typeJson(type.element)] : type.kind;
}
