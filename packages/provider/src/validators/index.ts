// The validators the generated schemas refer to by name (openapi.yaml `x-terraform-validate`, `format: date-time`).
import type { AttributeValidator } from "@keyward/tfplugin";
import { ipRules } from "./ip-rules.js";
import { permissionCatalog } from "./permission-catalog.js";
import { rfc3339 } from "./rfc3339.js";

export const validators: Readonly<Record<"ip-rules" | "permission-catalog" | "rfc3339", AttributeValidator>> = {
  "ip-rules": ipRules,
  "permission-catalog": permissionCatalog,
  rfc3339,
};
