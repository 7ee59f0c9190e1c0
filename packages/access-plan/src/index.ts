// @keyward/access-plan: IntegrationAccess without a construct library. The options, the synth-time checks (the
// contract's rules, from @keyward/contract) and the plan of user, role and key live here once; @keyward/cdktf and
// @keyward/cdktn declare the planned resources with their own generated bindings.
export {
  type IntegrationAccessOptions,
  type IntegrationAccessPlan,
  type PlannedGrant,
  type PlannedScope,
  planIntegrationAccess,
} from "./plan.js";
export type { CheckContext, PermissionGrant } from "./rules.js";
