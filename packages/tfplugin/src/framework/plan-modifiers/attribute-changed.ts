import { valuesEqual } from "../../protocol/cty/value.js";
import type { PlanModifierRequest } from "../plan-modifier.js";

/** Whether an update changes the attribute: never on create; an unknown planned value counts as a change. */
export function attributeChanged({ state, type, stateValue, planValue }: PlanModifierRequest): boolean {
  return state !== null && !valuesEqual(type, stateValue, planValue);
}
