import { describe, expect, it } from "vitest";
import { type CtyValue, type PlanModifierResponse, Unknown, useStateForUnknown } from "../../../src/index.js";
import { modifierRequest } from "../../helpers/modifier-request.js";

const cases: Record<
  string,
  { given: { config: CtyValue; plan: CtyValue; state: CtyValue | undefined }; want: PlanModifierResponse }
> = {
  "create (no state)": { given: { config: null, plan: Unknown, state: undefined }, want: {} },
  "null state value": { given: { config: null, plan: Unknown, state: null }, want: { planValue: null } },
  "known plan": { given: { config: "x", plan: "x", state: "old" }, want: {} },
  "unknown config": { given: { config: Unknown, plan: Unknown, state: "old" }, want: {} },
  "unknown plan with prior state": { given: { config: null, plan: Unknown, state: "old" }, want: { planValue: "old" } },
};

describe("useStateForUnknown", () => {
  for (const [name, { given, want }] of Object.entries(cases)) {
    it(name, () => {
      expect(useStateForUnknown().modify(modifierRequest(given))).toEqual(want);
    });
  }
});
