import { Unknown } from "../protocol/cty/unknown.js";
import { type CtyObject, type CtyValue, cloneValue, isCtyObject, valuesEqual } from "../protocol/cty/value.js";
import { type AttributePath, type Diagnostic, formatPath } from "../protocol/diagnostics.js";
import { Diagnostics, guard } from "./diagnostics.js";
import type { ModifyPlanResponse, PrivateState, Resource } from "./resource.js";
import type { BlockDefinition, Planned } from "./schema.js";
import { blockCtyType } from "./schema-to-protocol.js";
import { type WalkValues, walkSchema } from "./schema-walk.js";
import { nullWriteOnly } from "./write-only.js";

export interface PlanRequest {
  readonly priorState: CtyObject | null;
  /** Built by core: config values, with prior values for computed attributes the config leaves null. */
  readonly proposedNewState: CtyObject | null;
  readonly config: CtyObject | null;
  readonly priorPrivate: PrivateState;
}

export interface PlanResult {
  readonly plannedState: CtyObject | null;
  readonly requiresReplace: AttributePath[];
  readonly plannedPrivate: PrivateState;
  readonly diagnostics: Diagnostic[];
}

/**
 * All plan bookkeeping, in terraform-plugin-framework's order: defaults → write-only values nulled → computed
 * nulls become unknown (only when something changes) → attribute plan modifiers → the resource's modifyPlan →
 * normalised requiresReplace. A destroy plan stays null; a plan equal to the prior state is the prior state, so a
 * re-plan shows no diff (write-only values are nulled before that comparison, as core sees them: never stored).
 */
export async function planResourceChange<C>(
  resource: Resource<C>,
  client: C | undefined,
  req: PlanRequest,
): Promise<PlanResult> {
  const diagnostics = new Diagnostics();
  const { priorState, priorPrivate } = req;
  if (req.proposedNewState === null) {
    await runModifyPlan(resource, client, { config: null, plan: null, state: priorState }, diagnostics);
    return { plannedState: null, requiresReplace: [], plannedPrivate: priorPrivate, diagnostics: diagnostics.items };
  }
  const config = req.config ?? {};
  const type = blockCtyType(resource.schema);
  let plan = nullWriteOnly(resource.schema, applyDefaults(resource.schema, config, req.proposedNewState)) as CtyObject;
  if (priorState === null || !valuesEqual(type, plan, priorState)) {
    plan = markComputedNullsUnknown(resource.schema, config, plan);
  }
  const modified = runPlanModifiers(resource.schema, { config, plan, state: priorState });
  plan = modified.plan;
  diagnostics.add(...modified.diagnostics);
  const requiresReplace = [...modified.requiresReplace];
  if (!diagnostics.hasErrors()) {
    const resp = await runModifyPlan(resource, client, { config, plan, state: priorState }, diagnostics);
    if (resp.plan === null) {
      diagnostics.error(
        "Invalid plan from modifyPlan",
        `${resource.typeName}: modifyPlan removed the plan of a resource that is not being destroyed.`,
      );
    } else {
      plan = nullWriteOnly(resource.schema, resp.plan as CtyObject) as CtyObject;
      requiresReplace.push(...resp.requiresReplace);
    }
  }
  if (priorState !== null && valuesEqual(type, plan, priorState)) {
    plan = priorState;
  }
  return {
    plannedState: plan,
    // Core ignores replacement on create; keep the response minimal there.
    requiresReplace: priorState === null ? [] : normaliseRequiresReplace(requiresReplace),
    plannedPrivate: priorPrivate,
    diagnostics: diagnostics.items,
  };
}

/** Attributes with a default get it wherever the configuration leaves them null. */
export function applyDefaults(schema: BlockDefinition, config: CtyObject, plan: CtyObject): CtyObject {
  return walkSchema(
    schema,
    { config, plan, state: null },
    {
      attribute: ({ attribute, values }) =>
        attribute.default !== undefined && values.config === null
          ? cloneValue(attribute.default as CtyValue)
          : values.plan,
    },
  ) as CtyObject;
}

/** Computed attributes the configuration leaves null (and that have no default) become "known after apply". */
export function markComputedNullsUnknown(schema: BlockDefinition, config: CtyObject, plan: CtyObject): CtyObject {
  return walkSchema(
    schema,
    { config, plan, state: null },
    {
      attribute: ({ attribute, values }) =>
        attribute.computed && attribute.default === undefined && values.config === null ? Unknown : values.plan,
    },
  ) as CtyObject;
}

export interface ModifierResult {
  readonly plan: CtyObject;
  readonly requiresReplace: AttributePath[];
  readonly diagnostics: Diagnostic[];
}

/** Runs each attribute's plan modifiers in order, parents before nested attributes. */
export function runPlanModifiers(schema: BlockDefinition, values: WalkValues): ModifierResult {
  const requiresReplace: AttributePath[] = [];
  const diagnostics: Diagnostic[] = [];
  const config = values.config as CtyObject;
  const rootPlan = values.plan as CtyObject;
  const state = isCtyObject(values.state) ? values.state : null;
  const plan = walkSchema(schema, values, {
    attribute: ({ attribute, type, path, values: at }) => {
      let planValue = at.plan;
      for (const modifier of attribute.planModifiers ?? []) {
        const res = modifier.modify({
          path,
          type,
          configValue: at.config,
          planValue,
          stateValue: at.state,
          config,
          plan: rootPlan,
          state,
        });
        planValue = res.planValue === undefined ? planValue : res.planValue;
        if (res.requiresReplace) {
          requiresReplace.push(path);
        }
        diagnostics.push(...(res.diagnostics ?? []));
      }
      return planValue;
    },
  }) as CtyObject;
  return { plan, requiresReplace, diagnostics };
}

/** Sorted and de-duplicated, so identical inputs always produce identical plans. */
export function normaliseRequiresReplace(paths: readonly AttributePath[]): AttributePath[] {
  const unique = new Map(paths.map((path) => [formatPath(path), path]));
  return [...unique.keys()].sort().map((key) => unique.get(key) as AttributePath);
}

async function runModifyPlan<C>(
  resource: Resource<C>,
  client: C | undefined,
  req: { config: CtyObject | null; plan: CtyObject | null; state: CtyObject | null },
  diagnostics: Diagnostics,
): Promise<ModifyPlanResponse<CtyObject>> {
  const resp: ModifyPlanResponse<CtyObject> = {
    plan: req.plan as Planned<CtyObject> | null,
    requiresReplace: [],
    diagnostics,
  };
  const modifyPlan = resource.modifyPlan;
  if (modifyPlan) {
    await guard(diagnostics, `${resource.typeName} modifyPlan`, () =>
      modifyPlan({ client, config: req.config as Planned<CtyObject> | null, plan: resp.plan, state: req.state }, resp),
    );
  }
  if (req.plan === null && resp.plan !== null) {
    diagnostics.error("Invalid destroy plan", `${resource.typeName}: modifyPlan must leave a destroy plan null.`);
  }
  return resp;
}
