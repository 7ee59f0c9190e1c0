// The `permissions` / `preset` pair shared by keyward_role and keyward_api_key: mapping, the exactly-one rule
// (from the contract), and keeping a preset's expanded permissions stable in plans.

import type { Action, PermissionGrant, ResourceName } from "@keyward/contract";
import { type Diagnostics, isUnknown, type Planned } from "@keyward/tfplugin";

export interface Grant {
  resource: string;
  actions: string[];
  fields: string[] | null;
}

interface GrantAttributes {
  permissions: Grant[] | null;
  preset: string | null;
}

export function grantsToModel(grants: readonly PermissionGrant[]): Grant[] {
  return grants.map((grant) => ({
    resource: grant.resource,
    actions: [...grant.actions],
    fields: grant.fields ? [...grant.fields] : null,
  }));
}

/** What the contract accepts in a request: a preset or a permission list, never both (its `oneOf`). */
export type GrantChoice = { preset: string; permissions?: never } | { permissions: PermissionGrant[]; preset?: never };

/**
 * The request's `preset` or `permissions`. Permissions still unknown (computed from an unchanged preset) are left
 * out, which only an update can meet. Names were checked against the catalog at plan time; the server checks again.
 */
export function grantsToRequest(model: Planned<GrantAttributes>): GrantChoice | Record<string, never> {
  if (typeof model.preset === "string") {
    return { preset: model.preset };
  }
  if (isUnknown(model.permissions) || model.permissions === null) {
    return {};
  }
  return {
    permissions: (model.permissions as Grant[]).map(({ resource, actions, fields }) => ({
      resource: resource as ResourceName,
      actions: actions as Action[],
      ...(fields ? { fields } : {}),
    })),
  };
}

/**
 * Exactly one attribute of each group, checked when they are known. The groups come from the contract's `oneOf`
 * (generated `exactlyOneOf`), so the provider refuses at plan time what the server would refuse at apply.
 */
export function validateExactlyOne(
  config: Planned<Record<string, unknown>>,
  groups: readonly (readonly string[])[],
  diagnostics: Diagnostics,
): void {
  for (const group of groups) {
    if (group.some((name) => isUnknown(config[name]))) {
      continue;
    }
    const given = group.filter((name) => config[name] !== null && config[name] !== undefined);
    if (given.length === 1) {
      continue;
    }
    const either = group.join(" or ");
    if (given.length === 0) {
      diagnostics.error(`Missing ${group[0]}`, `Give either ${either}.`, [group[0] ?? ""]);
    } else {
      diagnostics.error(`Conflicting ${given.join(" and ")}`, `Give either ${either}, not both.`, [
        given[given.length - 1] ?? "",
      ]);
    }
  }
}

/**
 * Permissions computed from a preset would show as "known after apply" whenever anything else changes; while the
 * preset stays the same they stay the same, so keep the prior value.
 */
export function keepPresetPermissions<M extends GrantAttributes>(
  state: M | null,
  config: Planned<M>,
  plan: Planned<M>,
): Planned<M> {
  if (state && config.permissions === null && isUnknown(plan.permissions) && plan.preset === state.preset) {
    return { ...plan, permissions: state.permissions };
  }
  return plan;
}
