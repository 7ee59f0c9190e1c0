// Permission arithmetic: validating grants against the catalog, and the effective access of a key,
// which is the key's own grants intersected with its owner's roles (a key never exceeds its user).
import type { Catalog } from "./catalog.js";
import { KeywardError } from "./errors.js";
import type { Action, FieldError, PermissionGrant, ResourceName } from "./types.js";

/** The fields an action may touch: every field of the resource, or an explicit set. */
export type FieldScope = "all" | ReadonlySet<string>;

export function grantErrors(grants: readonly PermissionGrant[], catalog: Catalog, path: string): FieldError[] {
  const errors: FieldError[] = [];
  grants.forEach((grant, index) => {
    const resource = catalog.resources.get(grant.resource);
    if (!resource) {
      errors.push({ path: `${path}/${index}/resource`, message: `unknown resource "${grant.resource}"` });
      return;
    }
    grant.actions.forEach((action, a) => {
      if (!resource.actions.includes(action)) {
        errors.push({
          path: `${path}/${index}/actions/${a}`,
          message: `${grant.resource} has no action "${action}" (allowed: ${resource.actions.join(", ")})`,
        });
      }
    });
    grant.fields?.forEach((field, f) => {
      if (!resource.fields.includes(field)) {
        errors.push({
          path: `${path}/${index}/fields/${f}`,
          message: `${grant.resource} has no field "${field}" (fields: ${resource.fields.join(", ")})`,
        });
      }
    });
  });
  return errors;
}

/**
 * Resolves the `permissions` / `preset` pair of a role or key create/update body into grants.
 * Exactly one of them must be given.
 */
export function resolveGrants(
  input: { permissions?: PermissionGrant[] | undefined; preset?: string | undefined },
  catalog: Catalog,
): { permissions: PermissionGrant[]; preset: string | null } {
  const hasList = input.permissions !== undefined;
  const hasPreset = input.preset !== undefined;
  if (hasList === hasPreset) {
    throw new KeywardError("invalid_permissions", "Give either `permissions` or `preset`, not both and not neither.", {
      errors: [
        { path: hasList ? "/body/preset" : "/body/permissions", message: "exactly one of permissions or preset" },
      ],
    });
  }
  if (hasPreset) {
    const preset = catalog.presets.get(input.preset as string);
    if (!preset) {
      const names = [...catalog.presets.keys()].join(", ");
      throw new KeywardError("invalid_permissions", `Unknown preset "${input.preset}" (presets: ${names}).`, {
        errors: [{ path: "/body/preset", message: `unknown preset "${input.preset}"` }],
      });
    }
    return { permissions: structuredClone(preset.permissions), preset: input.preset as string };
  }
  const permissions = input.permissions as PermissionGrant[];
  if (permissions.length === 0) {
    throw new KeywardError("invalid_permissions", "`permissions` must grant at least one action.", {
      errors: [{ path: "/body/permissions", message: "must not be empty" }],
    });
  }
  const errors = grantErrors(permissions, catalog, "/body/permissions");
  if (errors.length > 0) {
    throw new KeywardError("invalid_permissions", errors.map((e) => e.message).join("; "), { errors });
  }
  return { permissions, preset: null };
}

/** What a set of grants allows for one action on one resource: null when not granted. */
export function scopeOf(grants: readonly PermissionGrant[], resource: ResourceName, action: Action): FieldScope | null {
  let fields: Set<string> | null = null;
  let granted = false;
  for (const grant of grants) {
    if (grant.resource !== resource || !grant.actions.includes(action)) {
      continue;
    }
    granted = true;
    if (!grant.fields) {
      return "all";
    }
    fields ??= new Set();
    for (const field of grant.fields) {
      fields.add(field);
    }
  }
  return granted ? (fields ?? "all") : null;
}

export function intersectScopes(a: FieldScope, b: FieldScope): FieldScope {
  if (a === "all") {
    return b;
  }
  if (b === "all") {
    return a;
  }
  const both = new Set<string>();
  for (const field of a) {
    if (b.has(field)) {
      both.add(field);
    }
  }
  return both;
}

/** The key's scope within its owner's roles: null when either side lacks the action. */
export function effectiveScope(
  keyGrants: readonly PermissionGrant[],
  roleGrants: readonly PermissionGrant[],
  resource: ResourceName,
  action: Action,
): FieldScope | null {
  const keyScope = scopeOf(keyGrants, resource, action);
  if (keyScope === null) {
    return null;
  }
  const roleScope = scopeOf(roleGrants, resource, action);
  if (roleScope === null) {
    return null;
  }
  return intersectScopes(keyScope, roleScope);
}

/** Effective permissions as a grant list (for `GET /v1/me`): one grant per resource and field scope. */
export function effectivePermissions(
  keyGrants: readonly PermissionGrant[],
  roleGrants: readonly PermissionGrant[],
  catalog: Catalog,
): PermissionGrant[] {
  const result: PermissionGrant[] = [];
  for (const resource of catalog.resources.values()) {
    const byScope = new Map<string, { actions: Action[]; scope: FieldScope }>();
    for (const action of resource.actions) {
      const scope = effectiveScope(keyGrants, roleGrants, resource.name, action);
      if (scope === null) {
        continue;
      }
      const key = scope === "all" ? "*" : [...scope].sort().join(",");
      const entry = byScope.get(key) ?? { actions: [], scope };
      entry.actions.push(action);
      byScope.set(key, entry);
    }
    for (const { actions, scope } of byScope.values()) {
      result.push(
        scope === "all"
          ? { resource: resource.name, actions }
          : { resource: resource.name, actions, fields: [...scope].sort() },
      );
    }
  }
  return result;
}

/** The fields of `record` a scope may see: `id` always, and only fields the catalog knows. */
export function visibleFields(
  record: Record<string, unknown>,
  scope: FieldScope,
  catalogFields: readonly string[],
): Record<string, unknown> {
  return fieldProjection(scope, catalogFields)(record);
}

/** `visibleFields` for many records of one scope: which fields it shows is decided once, not per record. */
export function fieldProjection(
  scope: FieldScope,
  catalogFields: readonly string[],
): (record: Record<string, unknown>) => Record<string, unknown> {
  const shown = scope === "all" ? catalogFields : catalogFields.filter((field) => scope.has(field));
  return (record) => {
    const out: Record<string, unknown> = { id: record.id };
    for (const field of shown) {
      if (field in record) {
        out[field] = record[field];
      }
    }
    return out;
  };
}

/** Fields a write sets that the scope does not allow. */
export function forbiddenFields(written: readonly string[], scope: FieldScope): string[] {
  return scope === "all" ? [] : written.filter((field) => !scope.has(field));
}
