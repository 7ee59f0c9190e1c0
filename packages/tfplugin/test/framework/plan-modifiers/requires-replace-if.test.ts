import { describe, expect, it } from "vitest";
import { type CtyValue, type PlanModifierResponse, requiresReplaceIf } from "../../../src/index.js";
import { modifierRequest } from "../../helpers/modifier-request.js";

// Replace only when the value grows longer (e.g. shrinking is an in-place update).
const growing = requiresReplaceIf(
  ({ stateValue, planValue }) => String(planValue).length > String(stateValue).length,
  "Replaces the resource when the value gets longer.",
);

const cases: Record<
  string,
  { given: { config: CtyValue; plan: CtyValue; state: CtyValue | undefined }; want: PlanModifierResponse }
> = {
  create: { given: { config: "abc", plan: "abc", state: undefined }, want: {} },
  unchanged: { given: { config: "ab", plan: "ab", state: "ab" }, want: {} },
  "changed, condition true": { given: { config: "abc", plan: "abc", state: "a" }, want: { requiresReplace: true } },
  "changed, condition false": { given: { config: "a", plan: "a", state: "abc" }, want: {} },
};

describe("requiresReplaceIf", () => {
  for (const [name, { given, want }] of Object.entries(cases)) {
    it(name, () => {
      expect(growing.modify(modifierRequest(given))).toEqual(want);
    });
  }

  it("carries its description", () => {
    expect(growing.description).toBe("Replaces the resource when the value gets longer.");
  });
});
