// Rules of the contract that several packages check, as data: the permission catalog with its presets, the
// management scopes, the name patterns, and the console session's cookie and CSRF header names. Written into
// @keyward/contract, which also ships openapi.yaml itself (a copy of the root file).
import {
  type ContractDocument,
  loadContract,
  operationsOf,
  type PermissionGrantSpec,
  readContractText,
  resolveSchema,
  type SchemaObject,
} from "./contract.js";
import type { Generator } from "./generator.js";
import { contractGeneratedDir, repoRoot } from "./paths.js";

const HEADER = "// Generated from openapi.yaml by `npm run generate`. Do not edit.\n";

export interface CatalogEntry {
  name: string;
  description: string;
  actions: string[];
  fields: string[];
}

export interface PresetEntry {
  name: string;
  description: string;
  permissions: PermissionGrantSpec[];
}

/**
 * Resources from `ResourceName`'s x-keyward-catalog, their actions from the operations' x-keyward-permission (in the
 * `Action` enum's order), their fields from the resource schemas' properties (without `id`, always visible).
 */
export function catalogResources(contract: ContractDocument): CatalogEntry[] {
  const schemas = contract.components.schemas;
  const entries = schemas.ResourceName?.["x-keyward-catalog"];
  if (!entries) {
    throw new Error("openapi.yaml: ResourceName has no x-keyward-catalog");
  }
  const granted = operationsOf(contract).flatMap((operation) => operation["x-keyward-permission"] ?? []);
  return Object.entries(entries).map(([name, entry]) => {
    const properties = schemas[entry.schema]?.properties;
    if (!properties) {
      throw new Error(`openapi.yaml: schema ${entry.schema} for ${name} has no properties`);
    }
    return {
      name,
      description: entry.description,
      actions: (schemas.Action?.enum ?? []).filter((action) =>
        granted.some((g) => g.resource === name && g.action === action),
      ),
      fields: Object.keys(properties).filter((field) => field !== "id"),
    };
  });
}

/** `PresetName`'s x-keyward-presets, `"*"` expanded to every action on every resource; each grant checked. */
export function catalogPresets(contract: ContractDocument, resources: CatalogEntry[]): PresetEntry[] {
  const presets = contract.components.schemas.PresetName?.["x-keyward-presets"];
  if (!presets) {
    throw new Error("openapi.yaml: PresetName has no x-keyward-presets");
  }
  return Object.entries(presets).map(([name, preset]) => {
    const permissions =
      preset.permissions === "*"
        ? resources.map((r) => ({ resource: r.name, actions: [...r.actions] }))
        : preset.permissions;
    for (const grant of permissions) {
      const resource = resources.find((r) => r.name === grant.resource);
      const unknown = grant.actions.filter((action) => !resource?.actions.includes(action));
      if (!resource || unknown.length > 0) {
        throw new Error(
          `openapi.yaml: preset ${name} grants ${unknown.join(", ") || "actions"} on ${grant.resource}, which the catalog lacks`,
        );
      }
    }
    return { name, description: preset.description, permissions };
  });
}

/** The contract's name patterns, by the export name they get and where the contract writes them. */
export const namePatterns = {
  usernamePattern: "UserCreate.username",
  roleNamePattern: "RoleCreate.name",
  presetNamePattern: "PresetName",
} as const;

/** The `pattern` at `location` (`Schema` or `Schema.property`). */
export function patternAt(contract: ContractDocument, location: string): string {
  const [schemaName = "", property] = location.split(".");
  const schemas = contract.components.schemas;
  const schema: SchemaObject | undefined = property ? schemas[schemaName]?.properties?.[property] : schemas[schemaName];
  const pattern = schema && resolveSchema(schemas, schema).pattern;
  if (!pattern) {
    throw new Error(`openapi.yaml: ${location} has no pattern`);
  }
  return pattern;
}

/** `ManagementScope`'s enum: what a management token may be given. */
export function managementScopes(contract: ContractDocument): string[] {
  const scopes = contract.components.schemas.ManagementScope?.enum;
  if (!scopes) {
    throw new Error("openapi.yaml: ManagementScope has no enum");
  }
  return scopes.map(String);
}

function renderCatalog(contract: ContractDocument): string {
  const resources = catalogResources(contract);
  const catalog = { resources, presets: catalogPresets(contract, resources) };
  return [
    HEADER,
    "// The permission catalog: every resource of the business API with its actions and fields, and the presets.",
    'import type { ManagementScope, PermissionCatalog } from "./schema.js";',
    "",
    `export const permissionCatalog: PermissionCatalog = ${JSON.stringify(catalog, null, 2)};`,
    "",
    "/** Every management scope, in the contract's order. */",
    `export const managementScopes: readonly ManagementScope[] = ${JSON.stringify(managementScopes(contract))};`,
    "",
  ].join("\n");
}

function renderPatterns(contract: ContractDocument): string {
  const lines = [HEADER, "// The contract's name patterns, compiled as its validator compiles them (Unicode mode)."];
  for (const [name, location] of Object.entries(namePatterns)) {
    lines.push(
      "",
      `/** openapi.yaml: ${location}. */`,
      `export const ${name} = new RegExp(${JSON.stringify(patternAt(contract, location))}, "u");`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The `adminSession` scheme's cookie and the header its writes carry the CSRF token in (server and SDK both use them). */
export function consoleSessionNames(contract: ContractDocument): { cookie: string; csrfHeader: string } {
  const scheme = contract.components.securitySchemes.adminSession;
  const cookie = scheme?.in === "cookie" ? scheme.name : undefined;
  const csrfHeader = scheme?.["x-keyward-csrf-header"];
  if (!cookie || !csrfHeader) {
    throw new Error(
      "openapi.yaml: securitySchemes.adminSession needs `in: cookie`, a `name` and x-keyward-csrf-header",
    );
  }
  return { cookie, csrfHeader };
}

function renderConsoleSession(contract: ContractDocument): string {
  const { cookie, csrfHeader } = consoleSessionNames(contract);
  return [
    HEADER,
    "// The admin console's session (securitySchemes.adminSession).",
    "",
    "/** The session cookie's name. */",
    `export const consoleSessionCookie = ${JSON.stringify(cookie)};`,
    "",
    "/** The header a cookie-authenticated write carries the session's CSRF token in. */",
    `export const consoleCsrfHeader = ${JSON.stringify(csrfHeader)};`,
    "",
  ].join("\n");
}

export const contractRules: Generator = {
  name: "contract rules (catalog, presets, scopes, name patterns, console session) and openapi.yaml",
  async run() {
    const contract = await loadContract();
    return [
      { path: `${contractGeneratedDir}catalog.ts`, content: renderCatalog(contract) },
      { path: `${contractGeneratedDir}patterns.ts`, content: renderPatterns(contract) },
      { path: `${contractGeneratedDir}console-session.ts`, content: renderConsoleSession(contract) },
      // The npm package ships the contract; the server reads it from there (`@keyward/contract/openapi.yaml`).
      { path: `${repoRoot}packages/contract/openapi.yaml`, content: await readContractText() },
    ];
  },
};
