import { describe, expect, it } from "vitest";
import { normaliseRequiresReplace, planResourceChange } from "../../src/framework/plan.js";
import { Unknown } from "../../src/index.js";
import { fakeResource } from "../helpers/fake-resource.js";

const config = { id: null, name: "w", zone: "b", size: null, revision: null, settings: null, rule: [] };
const prior = { id: "w-1", name: "w", zone: "a", size: 1, revision: 1, settings: null, rule: [] };

describe("plan: requires replace", () => {
  it("reports the changed replace-forcing attribute", async () => {
    const result = await planResourceChange(fakeResource(), undefined, {
      priorState: prior,
      proposedNewState: { ...prior, zone: "b" },
      config,
      priorPrivate: undefined,
    });
    expect(result.requiresReplace).toEqual([["zone"]]);
    expect(result.plannedState).toMatchObject({ zone: "b", id: "w-1", revision: Unknown });
  });

  it("adds modifyPlan's paths, sorted and de-duplicated", async () => {
    const resource = fakeResource({
      modifyPlan: (_req, resp) => {
        resp.requiresReplace.push(["name"], ["zone"]);
      },
    });
    const result = await planResourceChange(resource, undefined, {
      priorState: prior,
      proposedNewState: { ...prior, zone: "b" },
      config,
      priorPrivate: undefined,
    });
    expect(result.requiresReplace).toEqual([["name"], ["zone"]]);
  });

  it("reports nothing on create", async () => {
    const result = await planResourceChange(fakeResource(), undefined, {
      priorState: null,
      proposedNewState: config,
      config,
      priorPrivate: undefined,
    });
    expect(result.requiresReplace).toEqual([]);
  });

  it("normalises by rendered path", () => {
    expect(normaliseRequiresReplace([["b"], ["a", 1], ["b"], ["a", { key: "k" }]])).toEqual([
      ["a", { key: "k" }],
      ["a", 1],
      ["b"],
    ]);
  });
});
