// The `permissions` / `preset` pair shared by keyward_role and keyward_api_key: mapping, the exactly-one rule,
// and keeping a preset's expanded permissions stable in plans.
import { type Diagnostics, type Planned, isUnknown } from "@keyward/tfplugin";
import type { Action, PermissionGrant, ResourceName } from "@keyward/contract";

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
  return grants.map((grant) => ({ resource: grant.resource, actions: [...grant.actions], fields: grant.fields ? [...grant.fields] : null }));
}

/**
 * The request's `preset` or `permissions` (the server wants exactly one). Permissions still unknown (computed from an
 * unchanged preset) are left out. Names were checked against the catalog at plan time; the server checks again.
 */
export function grantsToRequest(model: Planned<GrantAttributes>): { preset?: string; permissions?: PermissionGrant[] } {
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

/** Exactly one of `permissions` and `preset`, checked when both are known. */
export function validateGrantChoice(config: Planned<GrantAttributes>, diagnostics: Diagnostics): void {
  if (isUnknown(config.permissions) || isUnknown(config.preset)) {
    return;
  }
  if ((config.permissions === null) === (config.preset === null)) {
    const both = config.permissions !== null;
    diagnostics.error(
      both ? "Conflicting permissions and preset" : "Missing permissions",
      both ? "Give either permissions or preset, not both." : "Give either permissions (a set of {resource, actions, fields}) or a preset.",
      [both ? "preset" : "permissions"],
    );
  }
}

/**
 * Permissions computed from a preset would show as "known after apply" whenever anything else changes; while the
 * preset stays the same they stay the same, so keep the prior value.
 */
export function keepPresetPermissions<M extends GrantAttributes>(state: M | null, config: Planned<M>, plan: Planned<M>): Planned<M> {
  if (state && config.permissions === null && isUnknown(plan.permissions) && plan.preset === state.preset) {
    return { ...plan, permissions: state.permissions };
  }
  return plan;
}
