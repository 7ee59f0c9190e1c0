import { type PlanModifier, requiresReplaceIf } from "@keyward/tfplugin";

/**
 * Like `requiresReplace()`, except when the prior value is null: setting a Terraform-only attribute on an imported
 * resource (which never had it) must not destroy the object.
 */
export function requiresReplaceOnceSet(): PlanModifier {
  return requiresReplaceIf(
    ({ stateValue }) => stateValue !== null,
    "Changing this attribute forces the resource to be replaced; setting it where it was null (e.g. after an import) does not.",
  );
}
