// The permission catalog (resources with their actions and fields, and the presets) is the contract's, generated
// into @keyward/contract from openapi.yaml; here it becomes maps for lookups.
import { permissionCatalog } from "@keyward/contract";
import type { Action, PermissionCatalog, PermissionGrant, ResourceName } from "./types.js";

export interface CatalogResource {
  name: ResourceName;
  description: string;
  actions: Action[];
  fields: string[];
}

export interface Catalog {
  resources: Map<ResourceName, CatalogResource>;
  presets: Map<string, { description: string; permissions: PermissionGrant[] }>;
}

export interface OperationPermission {
  resource: ResourceName;
  action: Action;
}

export function operationPermission(operation: unknown): OperationPermission | undefined {
  if (typeof operation !== "object" || operation === null) return undefined;
  return (operation as { "x-keyward-permission"?: OperationPermission })["x-keyward-permission"];
}

export function createCatalog(): Catalog {
  return {
    resources: new Map(permissionCatalog.resources.map((r) => [r.name, { ...r, actions: [...r.actions], fields: [...r.fields] }])),
    presets: new Map(
      permissionCatalog.presets.map(({ name, description, permissions }) => [
        name,
        { description, permissions: permissions.map((grant) => ({ ...grant, actions: [...grant.actions] })) },
      ]),
    ),
  };
}

export function catalogView(catalog: Catalog): PermissionCatalog {
  return {
    resources: [...catalog.resources.values()].map((r) => ({ ...r, actions: [...r.actions], fields: [...r.fields] })),
    presets: [...catalog.presets].map(([name, preset]) => ({ name, ...preset })),
  };
}
