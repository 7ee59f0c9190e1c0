// The permission catalog (resources with their actions and fields, and the presets) is the contract's, generated
// into @keyward/contract from openapi.yaml; here it becomes maps for lookups. Management scopes come from
// `ManagementScope`, and each management operation names the one it needs in `x-keyward-scope`.
import { managementScopes, permissionCatalog } from "@keyward/contract";
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

export function operationPermission(operation: unknown): OperationPermission | undefined {
  if (typeof operation !== "object" || operation === null) {
    return undefined;
  }
  return (operation as { "x-keyward-permission"?: OperationPermission })["x-keyward-permission"];
}

export function operationScope(operation: unknown): ManagementScope | undefined {
  if (typeof operation !== "object" || operation === null) {
    return undefined;
  }
  return (operation as { "x-keyward-scope"?: ManagementScope })["x-keyward-scope"];
}

export function createCatalog(): Catalog {
  return {
    resources: new Map(
      permissionCatalog.resources.map((r) => [r.name, { ...r, actions: [...r.actions], fields: [...r.fields] }]),
    ),
    presets: new Map(
      permissionCatalog.presets.map(({ name, description, permissions }) => [
        name,
        { description, permissions: permissions.map((grant) => ({ ...grant, actions: [...grant.actions] })) },
      ]),
    ),
    scopes: [...managementScopes],
  };
}

export function catalogView(catalog: Catalog): PermissionCatalog {
  return {
    resources: [...catalog.resources.values()].map((r) => ({ ...r, actions: [...r.actions], fields: [...r.fields] })),
    presets: [...catalog.presets].map(([name, preset]) => ({ name, ...preset })),
  };
}
