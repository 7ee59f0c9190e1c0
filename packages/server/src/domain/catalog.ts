// The permission catalog is derived from the contract: resources and their fields from the business
// schemas named in `ResourceName`'s `x-keyward-catalog`, actions from the operations' `x-keyward-permission`.
// Presets are Keyward's own named permission sets and live here. Management scopes come from `ManagementScope`,
// and each management operation names the one it needs in `x-keyward-scope`.
import type { Action, ManagementScope, PermissionCatalog, PermissionGrant, ResourceName } from "./types.js";

export interface CatalogResource {
  name: ResourceName;
  description: string;
  actions: Action[];
  fields: string[];
}

export interface Catalog {
  resources: Map<ResourceName, CatalogResource>;
  presets: Map<string, { description: string; permissions: PermissionGrant[] }>;
  /** Every management scope, in the contract's order (the bootstrap token gets them all). */
  scopes: ManagementScope[];
}

export interface OperationPermission {
  resource: ResourceName;
  action: Action;
}

const ACTION_ORDER: Action[] = ["create", "read", "update", "delete", "download"];

/** Minimal view of an OpenAPI document, enough to read what the catalog needs. */
export interface ContractDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; [key: string]: unknown }> };
}

export function operationPermission(operation: unknown): OperationPermission | undefined {
  if (typeof operation !== "object" || operation === null) return undefined;
  return (operation as { "x-keyward-permission"?: OperationPermission })["x-keyward-permission"];
}

export function operationScope(operation: unknown): ManagementScope | undefined {
  if (typeof operation !== "object" || operation === null) return undefined;
  return (operation as { "x-keyward-scope"?: ManagementScope })["x-keyward-scope"];
}

export function catalogFromContract(contract: ContractDocument): Catalog {
  const entries = contract.components.schemas.ResourceName?.["x-keyward-catalog"] as
    | Record<ResourceName, { schema: string; description: string }>
    | undefined;
  if (!entries) throw new Error("openapi.yaml: ResourceName has no x-keyward-catalog");

  const actions = new Map<ResourceName, Set<Action>>();
  for (const pathItem of Object.values(contract.paths)) {
    for (const operation of Object.values(pathItem)) {
      const permission = operationPermission(operation);
      if (!permission) continue;
      const set = actions.get(permission.resource) ?? new Set<Action>();
      set.add(permission.action);
      actions.set(permission.resource, set);
    }
  }

  const resources = new Map<ResourceName, CatalogResource>();
  for (const [name, entry] of Object.entries(entries) as [ResourceName, { schema: string; description: string }][]) {
    const schema = contract.components.schemas[entry.schema];
    if (!schema?.properties) throw new Error(`openapi.yaml: schema ${entry.schema} for ${name} has no properties`);
    resources.set(name, {
      name,
      description: entry.description,
      actions: ACTION_ORDER.filter((action) => actions.get(name)?.has(action)),
      fields: Object.keys(schema.properties).filter((field) => field !== "id"),
    });
  }
  const scopes = contract.components.schemas.ManagementScope?.enum as ManagementScope[] | undefined;
  if (!scopes) throw new Error("openapi.yaml: no ManagementScope enum");
  return { resources, presets: buildPresets(resources), scopes };
}

function buildPresets(resources: Map<ResourceName, CatalogResource>): Catalog["presets"] {
  const grant = (resource: ResourceName, actions: Action[]): PermissionGrant => ({ resource, actions });
  const readable: ResourceName[] = ["events", "sessions"];
  const people: ResourceName[] = [...readable, "attendees", "people"];
  return new Map([
    ["full_access", {
      description: "Every action on every resource.",
      permissions: [...resources.values()].map((r) => grant(r.name, [...r.actions])),
    }],
    ["events_read", {
      description: "Read events and their sessions (a public website).",
      permissions: readable.map((r) => grant(r, ["read"])),
    }],
    ["events_people_read", {
      description: "Read events, sessions, attendees and people (a marketing or reporting tool).",
      permissions: people.map((r) => grant(r, ["read"])),
    }],
    ["events_people_write", {
      description: "Create, read and update events, sessions, attendees and people (a CRM sync).",
      permissions: people.map((r) => grant(r, ["create", "read", "update"])),
    }],
  ]);
}

export function catalogView(catalog: Catalog): PermissionCatalog {
  return {
    resources: [...catalog.resources.values()].map((r) => ({ ...r, actions: [...r.actions], fields: [...r.fields] })),
    presets: [...catalog.presets].map(([name, preset]) => ({ name, ...preset })),
  };
}
