// openapi.yaml → the provider's model: the provider block, its resources, data sources and ephemeral resources, each
// a list of attributes decided by the rules of rules.ts. A resource names the component schemas it reads, creates and
// updates (`x-terraform-resources`); its attributes are the union of their properties, plus the write-only attributes
// its create schema names (`x-terraform-write-only`).
import {
  type ContractDocument,
  type DataSourceSpec,
  type EphemeralResourceSpec,
  type ResourceSpec,
  resolveSchema,
  type SchemaObject,
} from "../contract.js";
import {
  type Deref,
  defaultOf,
  describe,
  ephemeralSides,
  exactlyOneOfGroups,
  findKeyword,
  hintOf,
  isComputed,
  isConfigurable,
  isCreateOnly,
  isRequired,
  isSensitive,
  keepsPriorValue,
  type PropertySides,
  type ReplaceRule,
  replaceRule,
  terraformKind,
  validatorNames,
  writeOnlyInput,
  writeSide,
} from "./rules.js";

export type AttributeType =
  | { kind: "string" | "number" | "bool" }
  | { kind: "set" | "map"; element: AttributeType }
  | { kind: "nested"; nesting: "set" | "single"; attributes: Attribute[] };

export interface Attribute {
  name: string;
  type: AttributeType;
  required: boolean;
  optional: boolean;
  computed: boolean;
  sensitive: boolean;
  /** Never in plan or state (Terraform/OpenTofu ≥ 1.11); set from configuration only. */
  writeOnly: boolean;
  description: string | undefined;
  default: unknown;
  validators: string[];
  replace: ReplaceRule;
  /** Keeps the prior value in plans (useStateForUnknown). */
  immutable: boolean;
}

export interface Block {
  description: string;
  attributes: Attribute[];
}

export interface TypedBlock extends Block {
  typeName: string;
  /** Attribute groups of which exactly one must be given (from the create schema's `oneOf`). */
  exactlyOneOf?: string[][];
}

export interface ProviderModel {
  provider: Block;
  resources: TypedBlock[];
  dataSources: TypedBlock[];
  ephemeralResources: TypedBlock[];
}

export function providerModel(contract: ContractDocument): ProviderModel {
  const schemas = contract.components.schemas;
  const deref: Deref = (schema) => resolveSchema(schemas, schema);
  const provider = contract["x-terraform-provider"];
  return {
    provider: {
      description: provider.description,
      attributes: Object.entries(provider.properties).map(([name, schema]) =>
        attribute(deref, name, { write: schema }),
      ),
    },
    resources: Object.entries(contract["x-terraform-resources"]).map(([typeName, spec]) => ({
      typeName,
      description: spec.description,
      attributes: resourceAttributes(deref, spec),
      exactlyOneOf: exactlyOneOfGroups(
        spec.create ? deref({ $ref: `#/components/schemas/${spec.create}` }) : undefined,
      ),
    })),
    dataSources: Object.entries(contract["x-terraform-data-sources"]).map(([typeName, spec]) => ({
      typeName,
      description: spec.description,
      attributes: dataSourceAttributes(deref, spec),
    })),
    ephemeralResources: Object.entries(contract["x-terraform-ephemeral-resources"] ?? {}).map(([typeName, spec]) => ({
      typeName,
      description: spec.description,
      attributes: ephemeralAttributes(deref, spec),
    })),
  };
}

function resourceAttributes(deref: Deref, spec: ResourceSpec): Attribute[] {
  const read = objectSchema(deref, spec.read);
  const created = spec.created ? objectSchema(deref, spec.created) : { properties: {}, required: [] };
  const create = spec.create ? objectSchema(deref, spec.create) : undefined;
  const update = objectSchema(deref, spec.update);
  const extras = spec.properties ?? {};
  const names = unique(
    [read, created, create ?? { properties: {} }]
      .flatMap((schema) => Object.keys(schema.properties))
      .concat(Object.keys(extras)),
  );
  const writeOnlyInputs = names.flatMap((name) => {
    const input = writeOnlyInput(deref, create?.properties[name]);
    return input === undefined ? [] : [{ name: input, property: create?.properties[name] }];
  });
  const attributes = names
    .filter((name) => !(spec.exclude ?? []).includes(name))
    .map((name) => {
      const extra = extras[name];
      const fromApi = writeSide({
        create: create?.properties[name],
        update: update.properties[name],
        writeOnlyInput: writeOnlyInput(deref, create?.properties[name]),
      });
      return attribute(deref, name, {
        read: read.properties[name] ?? created.properties[name] ?? extra,
        write: extra && !extra.readOnly ? extra : fromApi,
        requiredByCreate: (create?.required ?? []).includes(name),
        createOnly: isCreateOnly(name, create, update),
        description: spec.descriptions?.[name],
        descriptions: prefixed(spec.descriptions, name),
      });
    });
  const writeOnly = writeOnlyInputs.map(({ name, property }) =>
    attribute(deref, name, { write: property, writeOnly: true, description: spec.descriptions?.[name] }),
  );
  return [...attributes, ...writeOnly];
}

function ephemeralAttributes(deref: Deref, spec: EphemeralResourceSpec): Attribute[] {
  return Object.entries(spec.properties).map(([name, property]) => attribute(deref, name, ephemeralSides(property)));
}

function dataSourceAttributes(deref: Deref, spec: DataSourceSpec): Attribute[] {
  const read = objectSchema(deref, spec.read);
  const lookup = spec.lookup ?? [];
  return Object.keys(read.properties)
    .filter((name) => !(spec.exclude ?? []).includes(name))
    .map((name) => {
      const isLookup = lookup.includes(name);
      const base = attribute(deref, name, {
        read: read.properties[name],
        descriptions: prefixed(spec.descriptions, name),
      });
      const description = isLookup
        ? `${base.description ?? ""} Give exactly one of ${lookup.map((n) => `\`${n}\``).join(" or ")}.`.trim()
        : base.description;
      return { ...base, description, optional: isLookup, immutable: false, validators: [] };
    });
}

interface AttributeSource extends PropertySides {
  requiredByCreate?: boolean;
  createOnly?: boolean;
  /** A write-only attribute (`x-terraform-write-only` names it). */
  writeOnly?: boolean;
  description?: string | undefined;
  /** Descriptions of nested attributes, by their path below this one. */
  descriptions?: Record<string, string>;
}

function attribute(deref: Deref, name: string, source: AttributeSource): Attribute {
  const { read, write, requiredByCreate = false, createOnly = false, writeOnly = false, descriptions = {} } = source;
  const configurable = isConfigurable(source);
  const dflt = defaultOf(deref, source);
  const computed = isComputed({
    configurable,
    default: dflt,
    computedHint: hintOf(deref, source, "x-terraform-computed"),
  });
  const required = isRequired({ configurable, requiredByCreate, default: dflt });
  const replace = replaceRule({
    configurable,
    hint: hintOf(deref, source, "x-terraform-requires-replace"),
    createOnly,
  });
  const text =
    source.description ?? findKeyword(deref, write, "description") ?? findKeyword(deref, read, "description");
  return {
    name,
    type: typeOf(deref, (write ?? read) as SchemaObject, configurable, descriptions),
    required,
    optional: configurable && !required,
    computed,
    sensitive: isSensitive(hintOf(deref, source, "x-terraform-sensitive"), writeOnly),
    writeOnly,
    description: describe({ text, replace, default: dflt }),
    default: dflt,
    validators: validatorNames({
      configurable,
      hint: hintOf(deref, source, "x-terraform-validate"),
      format: findKeyword(deref, write ?? read, "format"),
    }),
    replace,
    immutable: keepsPriorValue({ name, computed, immutableHint: hintOf(deref, source, "x-terraform-immutable") }),
  };
}

function typeOf(
  deref: Deref,
  schema: SchemaObject | undefined,
  configurable = false,
  descriptions: Record<string, string> = {},
): AttributeType {
  const resolved = deref(schema);
  switch (terraformKind(deref, resolved)) {
    case "string":
      return { kind: "string" };
    case "number":
      return { kind: "number" };
    case "bool":
      return { kind: "bool" };
    case "set":
      return { kind: "set", element: typeOf(deref, deref(resolved.items)) };
    case "set-nested":
      return nested(deref, "set", deref(resolved.items), configurable, descriptions);
    case "single-nested":
      return nested(deref, "single", resolved, configurable, descriptions);
    case "map":
      return { kind: "map", element: typeOf(deref, resolved.additionalProperties as SchemaObject) };
  }
}

function nested(
  deref: Deref,
  nesting: "set" | "single",
  object: SchemaObject,
  configurable: boolean,
  descriptions: Record<string, string>,
): AttributeType {
  const required = object.required ?? [];
  const attributes = Object.entries(object.properties ?? {}).map(([name, child]) =>
    attribute(deref, name, {
      ...(configurable ? { write: child } : { read: child }),
      requiredByCreate: required.includes(name),
      description: descriptions[name],
      descriptions: prefixed(descriptions, name),
    }),
  );
  return { kind: "nested", nesting, attributes };
}

/** A component schema by name, with allOf merged (ApiKey is allOf ApiKeyFields). */
function objectSchema(deref: Deref, name: string): { properties: Record<string, SchemaObject>; required: string[] } {
  const schema = deref({ $ref: `#/components/schemas/${name}` });
  const parts = [schema, ...(schema.allOf ?? []).map(deref)];
  return {
    properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})),
    required: parts.flatMap((part) => part.required ?? []),
  };
}

function prefixed(descriptions: Record<string, string> = {}, name: string): Record<string, string> {
  const prefix = `${name}.`;
  return Object.fromEntries(
    Object.entries(descriptions)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, value]) => [key.slice(prefix.length), value]),
  );
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];
