import { type CtyTypeJson, typeToJson } from "./cty/type.js";
import type { ProviderSchemas, Schema, SchemaAttribute, SchemaBlock } from "./schema.js";

/** The document `terraform providers schema -json` prints, for one provider. */
export interface ProvidersSchemaJson {
  readonly format_version: "1.0";
  readonly provider_schemas: Record<string, ProviderSchemaJson>;
}

export interface ProviderSchemaJson {
  readonly provider: SchemaJson;
  readonly resource_schemas?: Record<string, SchemaJson>;
  readonly data_source_schemas?: Record<string, SchemaJson>;
  readonly ephemeral_resource_schemas?: Record<string, SchemaJson>;
}

export interface SchemaJson {
  readonly version: number;
  readonly block: BlockJson;
}

interface BlockJson {
  attributes?: Record<string, AttributeJson>;
  block_types?: Record<string, { nesting_mode: string; block: BlockJson; min_items?: number; max_items?: number }>;
  description?: string;
  description_kind: "plain" | "markdown";
  deprecated?: boolean;
}

interface AttributeJson {
  type?: CtyTypeJson;
  nested_type?: { attributes: Record<string, AttributeJson>; nesting_mode: string };
  description?: string;
  description_kind: "plain" | "markdown";
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  deprecated?: boolean;
  write_only?: boolean;
}

/** Mirrors core's jsonprovider rendering: false flags and empty maps are omitted; keys sorted. */
export function providersSchemaJson(address: string, schemas: ProviderSchemas): ProvidersSchemaJson {
  const all = (record: Readonly<Record<string, Schema>>) => sortedRecord(record, schemaJson);
  const provider: ProviderSchemaJson = {
    provider: schemaJson(schemas.provider),
    ...(Object.keys(schemas.resources).length ? { resource_schemas: all(schemas.resources) } : {}),
    ...(Object.keys(schemas.dataSources).length ? { data_source_schemas: all(schemas.dataSources) } : {}),
    ...(Object.keys(schemas.ephemeralResources).length
      ? { ephemeral_resource_schemas: all(schemas.ephemeralResources) }
      : {}),
  };
  return { format_version: "1.0", provider_schemas: { [address]: provider } };
}

function schemaJson(schema: Schema): SchemaJson {
  return { version: schema.version, block: blockJson(schema.block) };
}

function blockJson(block: SchemaBlock): BlockJson {
  const json: BlockJson = { description_kind: block.descriptionKind ?? "plain" };
  if (block.attributes.length) {
    json.attributes = attributesJson(block.attributes);
  }
  if (block.blockTypes.length) {
    json.block_types = Object.fromEntries(
      [...block.blockTypes]
        .sort((a, b) => a.typeName.localeCompare(b.typeName))
        .map((nested) => [
          nested.typeName,
          {
            nesting_mode: nested.nesting,
            block: blockJson(nested.block),
            ...(nested.minItems ? { min_items: nested.minItems } : {}),
            ...(nested.maxItems ? { max_items: nested.maxItems } : {}),
          },
        ]),
    );
  }
  if (block.description) {
    json.description = block.description;
  }
  if (block.deprecated) {
    json.deprecated = true;
  }
  return json;
}

function attributesJson(attributes: readonly SchemaAttribute[]): Record<string, AttributeJson> {
  return Object.fromEntries(
    [...attributes].sort((a, b) => a.name.localeCompare(b.name)).map((a) => [a.name, attributeJson(a)]),
  );
}

function attributeJson(attribute: SchemaAttribute): AttributeJson {
  return {
    ...(attribute.type ? { type: typeToJson(attribute.type) } : {}),
    ...(attribute.nestedType
      ? {
          nested_type: {
            attributes: attributesJson(attribute.nestedType.attributes),
            nesting_mode: attribute.nestedType.nesting,
          },
        }
      : {}),
    ...(attribute.description ? { description: attribute.description } : {}),
    description_kind: attribute.descriptionKind ?? "plain",
    ...(attribute.required ? { required: true } : {}),
    ...(attribute.optional ? { optional: true } : {}),
    ...(attribute.computed ? { computed: true } : {}),
    ...(attribute.sensitive ? { sensitive: true } : {}),
    ...(attribute.deprecated ? { deprecated: true } : {}),
    ...(attribute.writeOnly ? { write_only: true } : {}),
  };
}

function sortedRecord<T, U>(record: Readonly<Record<string, T>>, fn: (value: T) => U): Record<string, U> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, fn(record[key] as T)]),
  );
}
