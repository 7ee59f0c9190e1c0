// Checks permissions against the contract's permission catalog, so an unknown resource, action or field is
// reported by `validate`/`plan`, offline, before anything is sent to the server.
import { permissionCatalog as catalog } from "@keyward/contract";
import {
  type AttributeValidator,
  type CtyObject,
  type CtyValue,
  type Diagnostic,
  errorDiagnostic,
} from "@keyward/tfplugin";

// Set elements of a nested attribute arrive as plain objects.
const isObject = (value: CtyValue): value is CtyObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const strings = (value: CtyValue | undefined): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

export const permissionCatalog: AttributeValidator = {
  description:
    "Resources, actions and fields must exist in the permission catalog (see the keyward_permissions data source).",
  validate(value, path) {
    const grants = Array.isArray(value) ? value.filter(isObject) : [];
    const diagnostics: Diagnostic[] = [];
    const report = (detail: string) => diagnostics.push(errorDiagnostic("Invalid permissions", detail, path));
    for (const grant of grants) {
      const resource = String(grant.resource);
      const entry = catalog.resources.find((candidate) => candidate.name === resource);
      if (!entry) {
        report(
          `permissions: unknown resource "${resource}" (resources: ${catalog.resources.map((r) => r.name).join(", ")}).`,
        );
        continue;
      }
      for (const action of strings(grant.actions).filter((a) => !(entry.actions as string[]).includes(a))) {
        report(`permissions: ${resource} has no action "${action}" (actions: ${entry.actions.join(", ")}).`);
      }
      for (const field of strings(grant.fields).filter((f) => !entry.fields.includes(f))) {
        report(`permissions: ${resource} has no field "${field}" (fields: ${entry.fields.join(", ")}).`);
      }
    }
    return diagnostics;
  },
};
