import { Unknown } from "../../protocol/cty/unknown.js";
import type { PlanModifier } from "../plan-modifier.js";

/**
 * Keeps the prior state value instead of "(known after apply)" for a computed attribute that doesn't change
 * once set (an ID, a creation time).
 */
export function useStateForUnknown(): PlanModifier {
  return {
    description: "The value of this attribute does not change after creation; the prior state value is kept.",
    modify({ state, stateValue, planValue, configValue }) {
      // A null prior value is kept too (only creation has nothing to keep).
      if (state === null || planValue !== Unknown || configValue === Unknown) {
        return {};
      }
      return { planValue: stateValue };
    },
  };
}
