import type { PlanModifier } from "../plan-modifier.js";
import { requiresReplaceIf } from "./requires-replace-if.js";

/** Any change to this attribute on update destroys and re-creates the resource. */
export function requiresReplace(): PlanModifier {
  return requiresReplaceIf(() => true, "Changing this attribute forces the resource to be replaced.");
}
