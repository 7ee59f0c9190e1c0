import { type CtyValue, cty, type PlanModifierRequest } from "../../src/index.js";

/** A modifier request for a string attribute "a"; `state: null` means create. */
export function modifierRequest(values: {
  config: CtyValue;
  plan: CtyValue;
  state: CtyValue | undefined;
}): PlanModifierRequest {
  const created = values.state === undefined;
  return {
    path: ["a"],
    type: cty.string,
    configValue: values.config,
    planValue: values.plan,
    stateValue: values.state ?? null,
    config: { a: values.config },
    plan: { a: values.plan },
    state: created ? null : { a: values.state ?? null },
  };
}
