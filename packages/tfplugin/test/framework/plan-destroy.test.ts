import { describe, expect, it } from "vitest";
import { planResourceChange } from "../../src/framework/plan.js";
import { fakeResource } from "../helpers/fake-resource.js";

const prior = { id: "w-1", name: "w", zone: "a", size: 1, revision: 1, settings: null, rule: [] };

describe("plan: destroy", () => {
  it("stays null", async () => {
    const result = await planResourceChange(fakeResource(), undefined, {
      priorState: prior,
      proposedNewState: null,
      config: null,
      priorPrivate: undefined,
    });
    expect(result).toMatchObject({ plannedState: null, requiresReplace: [], diagnostics: [] });
  });

  it("reports an error when modifyPlan turns a destroy into something else", async () => {
    const resource = fakeResource({
      modifyPlan: (req, resp) => {
        resp.plan = req.state;
      },
    });
    const result = await planResourceChange(resource, undefined, {
      priorState: prior,
      proposedNewState: null,
      config: null,
      priorPrivate: undefined,
    });
    expect(result.plannedState).toBeNull();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: "error", summary: "Invalid destroy plan" }),
    ]);
  });
});
