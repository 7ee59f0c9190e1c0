// The x-terraform-* rules: how a property of openapi.yaml becomes a Terraform attribute. Each rule decides one thing
// Terraform users live with, and has its own table test (test/provider-schema-rules.test.ts).
import type { SchemaObject } from "../contract.js";

/** Resolves a `$ref` to the schema it names (identity for a schema without one). */
export type Deref = (schema: SchemaObject | undefined) => SchemaObject;

/** A property's schema on each side of the API: as it is read back, and as it is written (either may be missing). */
export interface PropertySides {
  read?: SchemaObject | undefined;
  write?: SchemaObject | undefined;
}

export type ReplaceRule = true | "once-set" | undefined;

/** A keyword on the schema itself or, failing that, along its `$ref` chain (a property may refine what it refers to). */
export function findKeyword<K extends keyof SchemaObject>(
  deref: Deref,
  schema: SchemaObject | undefined,
  key: K,
): SchemaObject[K] | undefined {
  for (let current = schema; current; current = current.$ref ? deref({ $ref: current.$ref }) : undefined) {
    if (current[key] !== undefined) {
      return current[key];
    }
    if (!current.$ref) {
      return undefined;
    }
  }
  return undefined;
}

/** An x-terraform-* hint from the write side, else the read side. */
export function hintOf<K extends keyof SchemaObject>(
  deref: Deref,
  sides: PropertySides,
  key: K,
): SchemaObject[K] | undefined {
  return [sides.write, sides.read]
    .map((schema) => schema && findKeyword(deref, schema, key))
    .find((value) => value !== undefined);
}

/**
 * `x-terraform-write-only: NAME` on a create-schema property: the request field is filled from the write-only attribute
 * NAME (optional, sensitive; core keeps its value out of plan and state). Undefined for a property not on the create side.
 */
export function writeOnlyInput(deref: Deref, createProperty: SchemaObject | undefined): string | undefined {
  return createProperty && findKeyword(deref, createProperty, "x-terraform-write-only");
}

/**
 * The schema an attribute is configured from: its create-schema property, else its update-schema property. A create
 * property that feeds a write-only attribute is that attribute's, so the property's own attribute stays computed
 * (unless the update schema takes it).
 */
export function writeSide(given: {
  create: SchemaObject | undefined;
  update: SchemaObject | undefined;
  writeOnlyInput: string | undefined;
}): SchemaObject | undefined {
  return (given.writeOnlyInput === undefined ? given.create : undefined) ?? given.update;
}

/** A property of an ephemeral resource: read-only → a result (computed); otherwise an argument (configurable). */
export function ephemeralSides(property: SchemaObject): PropertySides {
  return property.readOnly ? { read: property } : { write: property };
}

/** Only in read (or created) schemas → computed; in a create or update schema → configurable. */
export function isConfigurable(sides: PropertySides): boolean {
  return sides.write !== undefined;
}

/** What Terraform fills in when the attribute is left out: `default`, else `x-terraform-default` (write side only). */
export function defaultOf(deref: Deref, sides: PropertySides): unknown {
  return (
    sides.write &&
    (findKeyword(deref, sides.write, "default") ?? findKeyword(deref, sides.write, "x-terraform-default"))
  );
}

/** Required when the create schema requires it and nothing defaults it; any other configurable attribute is optional. */
export function isRequired(given: { configurable: boolean; requiredByCreate: boolean; default: unknown }): boolean {
  return given.configurable && given.requiredByCreate && given.default === undefined;
}

/** Computed when the server decides it (read-only), fills it in (a default), or may change it (`x-terraform-computed`). */
export function isComputed(given: {
  configurable: boolean;
  default: unknown;
  computedHint: boolean | undefined;
}): boolean {
  return !given.configurable || given.default !== undefined || given.computedHint === true;
}

/** `x-terraform-sensitive: true` hides the value in plans and output; a write-only attribute is always sensitive. */
export function isSensitive(sensitiveHint: boolean | undefined, writeOnly = false): boolean {
  return sensitiveHint === true || writeOnly;
}

/** In the create schema but not the update schema: the API can't change it once created. */
export function isCreateOnly(name: string, create: SchemaObject | undefined, update: SchemaObject): boolean {
  return create?.properties?.[name] !== undefined && update.properties?.[name] === undefined;
}

/**
 * A configurable attribute forces replacement when `x-terraform-requires-replace` says so (`true`, or `once-set`:
 * only a change from one set value to another), else when it is create-only.
 */
export function replaceRule(given: { configurable: boolean; hint: ReplaceRule; createOnly: boolean }): ReplaceRule {
  return given.configurable ? (given.hint ?? (given.createOnly ? true : undefined)) : undefined;
}

/**
 * A computed attribute that never changes once known (`id`, `x-terraform-immutable`) keeps its prior value in plans;
 * also an optional + computed one the configuration leaves out (a create-only owner the server defaults).
 */
export function keepsPriorValue(given: {
  name: string;
  computed: boolean;
  immutableHint: boolean | undefined;
}): boolean {
  return given.computed && (given.name === "id" || given.immutableHint === true);
}

/**
 * Groups of attributes of which a configuration gives exactly one: a create schema's `oneOf` whose branches each
 * require one property (permissions or preset), checked at plan time as the server checks it.
 */
export function exactlyOneOfGroups(create: SchemaObject | undefined): string[][] {
  const required = (create?.oneOf ?? []).map((branch) => branch.required ?? []);
  return required.length > 1 && required.every((names) => names.length === 1) ? [required.flat()] : [];
}

/** Plan-time validators of a configurable attribute: `format: date-time` → rfc3339, then `x-terraform-validate`. */
export function validatorNames(given: {
  configurable: boolean;
  hint: string | string[] | undefined;
  format: string | undefined;
}): string[] {
  if (!given.configurable) {
    return [];
  }
  return [...(given.format === "date-time" ? ["rfc3339"] : []), ...[given.hint ?? []].flat()];
}

export type TerraformKind = "string" | "number" | "bool" | "set" | "set-nested" | "single-nested" | "map";

/**
 * The Terraform type of a (resolved) schema: arrays → sets (nothing in this contract is ordered), arrays of objects
 * → set-nested attributes, objects with properties → single-nested, objects with `additionalProperties` → maps.
 */
export function terraformKind(deref: Deref, schema: SchemaObject): TerraformKind {
  const kind = [schema.type].flat().find((type) => type !== "null");
  switch (kind) {
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "bool";
    case "array":
      return deref(schema.items).properties ? "set-nested" : "set";
    case "object":
      return schema.properties ? "single-nested" : "map";
    default:
      throw new Error(`no Terraform type for ${JSON.stringify(schema)}`);
  }
}

/** The attribute's description, then what plans will do with it (replacement, default). */
export function describe(given: {
  text: string | undefined;
  replace: ReplaceRule;
  default: unknown;
}): string | undefined {
  const notes = [
    given.replace ? "Changing it replaces the resource." : "",
    given.default !== undefined ? `Defaults to \`${JSON.stringify(given.default)}\`.` : "",
  ];
  return [given.text, ...notes].filter(Boolean).join(" ") || undefined;
}
