import type { PlanModifier, PlanModifierRequest } from "../plan-modifier.js";
import { attributeChanged } from "./attribute-changed.js";

/** Forces replacement when the attribute changes on update and `condition` holds for that change. */
export function requiresReplaceIf(condition: (req: PlanModifierRequest) => boolean, description: string): PlanModifier {
  return {
    description,
    modify(req) {
      return attributeChanged(req) && condition(req) ? { requiresReplace: true } : {};
    },
  };
}
