import { describe, expect, it } from "vitest";
import { type CtyValue, type PlanModifierResponse, requiresReplace, Unknown } from "../../../src/index.js";
import { modifierRequest } from "../../helpers/modifier-request.js";

const cases: Record<
  string,
  { given: { config: CtyValue; plan: CtyValue; state: CtyValue | undefined }; want: PlanModifierResponse }
> = {
  create: { given: { config: "a", plan: "a", state: undefined }, want: {} },
  unchanged: { given: { config: "a", plan: "a", state: "a" }, want: {} },
  changed: { given: { config: "b", plan: "b", state: "a" }, want: { requiresReplace: true } },
  "unknown plan": { given: { config: Unknown, plan: Unknown, state: "a" }, want: { requiresReplace: true } },
  "removed from config": { given: { config: null, plan: null, state: "a" }, want: { requiresReplace: true } },
};

describe("requiresReplace", () => {
  for (const [name, { given, want }] of Object.entries(cases)) {
    it(name, () => {
      expect(requiresReplace().modify(modifierRequest(given))).toEqual(want);
    });
  }
});
