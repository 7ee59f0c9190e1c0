import { describe, expect, it } from "vitest";
import { planResourceChange } from "../../src/framework/plan.js";
import { Decimal } from "../../src/index.js";
import { fakeResource } from "../helpers/fake-resource.js";

const config = {
  id: null,
  name: "w",
  zone: "z",
  size: null,
  revision: null,
  settings: null,
  rule: [{ port: 80, protocol: null }],
};
const prior = {
  id: "w-1",
  name: "w",
  zone: "z",
  size: 1,
  revision: 3,
  settings: null,
  rule: [{ port: 80, protocol: "tcp" }],
};

describe("plan: unchanged configuration", () => {
  it("returns exactly the prior state, so the next plan is empty", async () => {
    const result = await planResourceChange(fakeResource(), undefined, {
      priorState: prior,
      proposedNewState: { ...prior },
      config,
      priorPrivate: Uint8Array.of(1),
    });
    expect(result.plannedState).toBe(prior);
    expect(result.requiresReplace).toEqual([]);
    expect(result.plannedPrivate).toEqual(Uint8Array.of(1));
  });

  it("treats numbers equal by value as unchanged", async () => {
    const result = await planResourceChange(fakeResource(), undefined, {
      priorState: prior,
      proposedNewState: { ...prior, revision: new Decimal("3.0") },
      config,
      priorPrivate: undefined,
    });
    expect(result.plannedState).toBe(prior);
  });
});
