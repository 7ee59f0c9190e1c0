// openapi.yaml as the generators see it: the parts they read, typed. The extensions (x-keyward-*, x-terraform-*)
// are the vocabulary CONTRIBUTING.md describes.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { contractPath } from "./paths.js";

/** A JSON Schema object of the contract, with the x-terraform-* hints a property may carry. */
export interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  description?: string;
  default?: unknown;
  enum?: string[];
  readOnly?: boolean;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  additionalProperties?: SchemaObject | boolean;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  "x-terraform-sensitive"?: boolean;
  "x-terraform-computed"?: boolean;
  "x-terraform-immutable"?: boolean;
  "x-terraform-requires-replace"?: true | "once-set";
  "x-terraform-default"?: unknown;
  "x-terraform-validate"?: string | string[];
  /** On a create-schema property: the name of the write-only attribute that fills it (rules.ts `writeOnlyInput`). */
  "x-terraform-write-only"?: string;
  "x-keyward-catalog"?: Record<string, { schema: string; description: string }>;
  "x-keyward-presets"?: Record<string, PresetSpec>;
}

export interface PermissionGrantSpec {
  resource: string;
  actions: string[];
  fields?: string[];
}

/** A preset of `PresetName`'s x-keyward-presets; `permissions: "*"` grants every action on every resource. */
export interface PresetSpec {
  description: string;
  permissions: PermissionGrantSpec[] | "*";
}

/** A resource of `x-terraform-resources`: the component schemas it reads, creates and updates. */
export interface ResourceSpec {
  description: string;
  read: string;
  created?: string;
  create?: string;
  update: string;
  exclude?: string[];
  descriptions?: Record<string, string>;
  /** Attributes of the resource that no schema holds (Terraform-only). */
  properties?: Record<string, SchemaObject>;
}

/** An ephemeral resource of `x-terraform-ephemeral-resources`: made on every run, never stored. */
export interface EphemeralResourceSpec {
  description: string;
  properties: Record<string, SchemaObject>;
}

export interface DataSourceSpec {
  description: string;
  read: string;
  exclude?: string[];
  /** Attributes a lookup may be given by (exactly one of them). */
  lookup?: string[];
  descriptions?: Record<string, string>;
}

export interface OperationObject {
  operationId: string;
  "x-keyward-permission"?: { resource: string; action: string };
  [key: string]: unknown;
}

/** A security scheme; `x-keyward-csrf-header` names the header a cookie scheme's writes must carry. */
export interface SecuritySchemeObject {
  type: string;
  in?: string;
  name?: string;
  "x-keyward-csrf-header"?: string;
}

export interface ContractDocument {
  paths: Record<string, Record<string, OperationObject | unknown>>;
  components: { schemas: Record<string, SchemaObject>; securitySchemes: Record<string, SecuritySchemeObject> };
  "x-terraform-provider": { description: string; properties: Record<string, SchemaObject> };
  "x-terraform-resources": Record<string, ResourceSpec>;
  "x-terraform-data-sources": Record<string, DataSourceSpec>;
  "x-terraform-ephemeral-resources"?: Record<string, EphemeralResourceSpec>;
}

export async function readContractText(): Promise<string> {
  return readFile(contractPath, "utf8");
}

export async function loadContract(): Promise<ContractDocument> {
  return parse(await readContractText(), { merge: true }) as ContractDocument;
}

/** Follows `$ref`s to `#/components/schemas/…` until a schema without one. */
export function resolveSchema(schemas: Record<string, SchemaObject>, schema: SchemaObject | undefined): SchemaObject {
  let current = schema;
  while (current?.$ref) {
    current = schemas[current.$ref.replace("#/components/schemas/", "")];
  }
  return current ?? {};
}

/** The operations of the contract, in document order. */
export function operationsOf(contract: ContractDocument): OperationObject[] {
  return Object.values(contract.paths).flatMap((item) =>
    Object.values(item).filter(
      (op): op is OperationObject => typeof op === "object" && op !== null && "operationId" in op,
    ),
  );
}
