// Each x-terraform-* rule, as a table of {name: {given, want}}: what a contract property becomes in Terraform.
import { describe, expect, it } from "vitest";
import type { SchemaObject } from "../src/contract.js";
import {
  type Deref,
  defaultOf,
  describe as describeAttribute,
  ephemeralSides,
  exactlyOneOfGroups,
  hintOf,
  isComputed,
  isConfigurable,
  isCreateOnly,
  isRequired,
  isSensitive,
  keepsPriorValue,
  type PropertySides,
  replaceRule,
  terraformKind,
  validatorNames,
  writeOnlyInput,
  writeSide,
} from "../src/provider-schema/rules.js";

const schemas: Record<string, SchemaObject> = {
  Timestamp: { type: "string", format: "date-time" },
  Secret: { type: "string", "x-terraform-sensitive": true },
  Grant: { type: "object", properties: { resource: { type: "string" } } },
  SuppliedToken: { type: "string", "x-terraform-write-only": "token_wo" },
};
const deref: Deref = (schema) =>
  schema?.$ref ? (schemas[schema.$ref.replace("#/components/schemas/", "")] ?? {}) : (schema ?? {});

function table<Given, Want>(rule: (given: Given) => Want, cases: Record<string, { given: Given; want: Want }>): void {
  for (const [name, { given, want }] of Object.entries(cases)) {
    it(name, () => {
      expect(rule(given)).toEqual(want);
    });
  }
}

describe("isConfigurable: only in read or created schemas → computed", () => {
  table((sides: PropertySides) => isConfigurable(sides), {
    "read only": { given: { read: { type: "string" } }, want: false },
    "in a create or update schema": { given: { read: { type: "string" }, write: { type: "string" } }, want: true },
    "Terraform-only property": { given: { write: { type: "object" } }, want: true },
  });
});

describe("defaultOf: default, else x-terraform-default, on the write side", () => {
  table((sides: PropertySides) => defaultOf(deref, sides), {
    default: { given: { write: { type: "boolean", default: true } }, want: true },
    "falsy default": { given: { write: { type: "string", default: "" } }, want: "" },
    "x-terraform-default": { given: { write: { type: "array", "x-terraform-default": [] } }, want: [] },
    "default wins": { given: { write: { type: "string", default: "a", "x-terraform-default": "b" } }, want: "a" },
    "read side ignored": { given: { read: { type: "string", default: "a" } }, want: undefined },
    none: { given: { write: { type: "string" } }, want: undefined },
  });
});

describe("isRequired: required by the create schema and not defaulted", () => {
  table(isRequired, {
    "required, no default": { given: { configurable: true, requiredByCreate: true, default: undefined }, want: true },
    "required with a default → optional": {
      given: { configurable: true, requiredByCreate: true, default: false },
      want: false,
    },
    "not required": { given: { configurable: true, requiredByCreate: false, default: undefined }, want: false },
    computed: { given: { configurable: false, requiredByCreate: true, default: undefined }, want: false },
  });
});

describe("isComputed: read-only, defaulted (optional + computed), or x-terraform-computed", () => {
  table(isComputed, {
    "read-only": { given: { configurable: false, default: undefined, computedHint: undefined }, want: true },
    defaulted: { given: { configurable: true, default: "", computedHint: undefined }, want: true },
    "x-terraform-computed": { given: { configurable: true, default: undefined, computedHint: true }, want: true },
    "plain configurable": { given: { configurable: true, default: undefined, computedHint: undefined }, want: false },
  });
});

describe("isSensitive: x-terraform-sensitive", () => {
  table(isSensitive, {
    hinted: { given: true, want: true },
    "not hinted": { given: undefined, want: false },
    "hinted false": { given: false, want: false },
  });
  table(({ hint, writeOnly }: { hint: boolean | undefined; writeOnly: boolean }) => isSensitive(hint, writeOnly), {
    "write-only, not hinted": { given: { hint: undefined, writeOnly: true }, want: true },
    "write-only, hinted false": { given: { hint: false, writeOnly: true }, want: true },
  });
});

describe("writeOnlyInput: x-terraform-write-only on a create-schema property names the write-only attribute", () => {
  table((createProperty: SchemaObject | undefined) => writeOnlyInput(deref, createProperty), {
    "on the property": { given: { type: "string", "x-terraform-write-only": "secret_wo" }, want: "secret_wo" },
    "on the schema it refers to": { given: { $ref: "#/components/schemas/SuppliedToken" }, want: "token_wo" },
    "not hinted": { given: { type: "string" }, want: undefined },
    "not on the create side": { given: undefined, want: undefined },
  });
});

describe("writeSide: the create property, unless it feeds a write-only attribute; else the update property", () => {
  const create: SchemaObject = { type: "string", description: "create" };
  const update: SchemaObject = { type: "string", description: "update" };
  table(writeSide, {
    "create only": { given: { create, update: undefined, writeOnlyInput: undefined }, want: create },
    "create and update: create wins": { given: { create, update, writeOnlyInput: undefined }, want: create },
    "update only": { given: { create: undefined, update, writeOnlyInput: undefined }, want: update },
    "feeds a write-only attribute → computed": {
      given: { create, update: undefined, writeOnlyInput: "token_wo" },
      want: undefined,
    },
    "feeds a write-only attribute, also updatable": {
      given: { create, update, writeOnlyInput: "token_wo" },
      want: update,
    },
  });
});

describe("ephemeralSides: an ephemeral resource's read-only properties are results, the others arguments", () => {
  const result: SchemaObject = { type: "string", readOnly: true };
  const argument: SchemaObject = { type: "string" };
  table(ephemeralSides, {
    "read-only → computed result": { given: result, want: { read: result } },
    "otherwise → configurable argument": { given: argument, want: { write: argument } },
  });
});

describe("hintOf: an x-terraform-* hint from the write side, else the read side, along $refs", () => {
  table((sides: PropertySides) => hintOf(deref, sides, "x-terraform-sensitive"), {
    "on the property": { given: { write: { type: "string", "x-terraform-sensitive": true } }, want: true },
    "on the schema it refers to": { given: { read: { $ref: "#/components/schemas/Secret" } }, want: true },
    absent: { given: { read: { type: "string" }, write: { type: "string" } }, want: undefined },
  });
});

describe("isCreateOnly: in the create schema, not in the update schema", () => {
  const create: SchemaObject = { properties: { user_id: {}, name: {} } };
  const update: SchemaObject = { properties: { name: {} } };
  table(({ name }: { name: string }) => isCreateOnly(name, create, update), {
    "create only": { given: { name: "user_id" }, want: true },
    updatable: { given: { name: "name" }, want: false },
    "in neither": { given: { name: "status" }, want: false },
  });
  it("without a create schema (a singleton), nothing is create-only", () => {
    expect(isCreateOnly("name", undefined, update)).toBe(false);
  });
});

describe("replaceRule: create-only → requires replace; x-terraform-requires-replace overrides", () => {
  table(replaceRule, {
    "create-only": { given: { configurable: true, hint: undefined, createOnly: true }, want: true },
    updatable: { given: { configurable: true, hint: undefined, createOnly: false }, want: undefined },
    "hinted once-set": { given: { configurable: true, hint: "once-set", createOnly: false }, want: "once-set" },
    "hint wins over create-only": {
      given: { configurable: true, hint: "once-set", createOnly: true },
      want: "once-set",
    },
    "computed never replaces": { given: { configurable: false, hint: true, createOnly: true }, want: undefined },
  });
});

describe("keepsPriorValue: id and x-terraform-immutable computed attributes keep their state", () => {
  table(keepsPriorValue, {
    id: { given: { name: "id", computed: true, immutableHint: undefined }, want: true },
    immutable: { given: { name: "created_at", computed: true, immutableHint: true }, want: true },
    "changing computed": { given: { name: "updated_at", computed: true, immutableHint: undefined }, want: false },
    "optional + computed, immutable (an owner the server defaults)": {
      given: { name: "user_id", computed: true, immutableHint: true },
      want: true,
    },
    "configurable only": { given: { name: "id", computed: false, immutableHint: true }, want: false },
  });
});

describe("exactlyOneOfGroups: a oneOf of single required properties", () => {
  table(exactlyOneOfGroups, {
    "permissions or preset": {
      given: { oneOf: [{ required: ["permissions"] }, { required: ["preset"] }] },
      want: [["permissions", "preset"]],
    },
    "no oneOf": { given: { properties: {} }, want: [] },
    "a branch requiring two": { given: { oneOf: [{ required: ["a", "b"] }, { required: ["c"] }] }, want: [] },
    "no create schema": { given: undefined, want: [] },
  });
});

describe("validatorNames: date-time → rfc3339, then x-terraform-validate", () => {
  table(validatorNames, {
    "date-time": { given: { configurable: true, hint: undefined, format: "date-time" }, want: ["rfc3339"] },
    "one named": { given: { configurable: true, hint: "ip-rules", format: undefined }, want: ["ip-rules"] },
    "both, rfc3339 first": {
      given: { configurable: true, hint: ["a", "b"], format: "date-time" },
      want: ["rfc3339", "a", "b"],
    },
    "computed: none": { given: { configurable: false, hint: "ip-rules", format: "date-time" }, want: [] },
  });
});

describe("terraformKind: arrays → sets, objects → nested or maps", () => {
  table((schema: SchemaObject) => terraformKind(deref, schema), {
    string: { given: { type: "string" }, want: "string" },
    "nullable string": { given: { type: ["string", "null"] }, want: "string" },
    integer: { given: { type: "integer" }, want: "number" },
    number: { given: { type: "number" }, want: "number" },
    boolean: { given: { type: "boolean" }, want: "bool" },
    "array of strings → set": { given: { type: "array", items: { type: "string" } }, want: "set" },
    "array of objects → set-nested": {
      given: { type: "array", items: { $ref: "#/components/schemas/Grant" } },
      want: "set-nested",
    },
    "object with properties → single-nested": {
      given: { type: "object", properties: { a: { type: "string" } } },
      want: "single-nested",
    },
    "object with additionalProperties → map": {
      given: { type: "object", additionalProperties: { type: "string" } },
      want: "map",
    },
  });
  it("refuses a schema without a Terraform type", () => {
    expect(() => terraformKind(deref, {})).toThrow(/no Terraform type/);
  });
});

describe("describe: the description, then what plans do with the attribute", () => {
  table(describeAttribute, {
    plain: { given: { text: "Name.", replace: undefined, default: undefined }, want: "Name." },
    replaces: {
      given: { text: "Owner.", replace: true, default: undefined },
      want: "Owner. Changing it replaces the resource.",
    },
    defaulted: { given: { text: "Active.", replace: undefined, default: true }, want: "Active. Defaults to `true`." },
    "no text": { given: { text: undefined, replace: undefined, default: undefined }, want: undefined },
  });
});
