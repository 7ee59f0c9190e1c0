import { describe, expect, it } from "vitest";
import { planResourceChange } from "../../src/framework/plan.js";
import { Unknown } from "../../src/index.js";
import { fakeResource } from "../helpers/fake-resource.js";

const config = {
  id: null,
  name: "w",
  zone: "z",
  size: null,
  revision: null,
  settings: { mode: "m", status: null },
  rule: [],
};
const prior = {
  id: "w-1",
  name: "w",
  zone: "z",
  size: 1,
  revision: 1,
  settings: { mode: "m", status: "ok" },
  rule: [],
};

describe("plan: computed nulls become unknown", () => {
  it("marks computed attributes unknown on create, nested ones included", async () => {
    const result = await planResourceChange(fakeResource(), undefined, {
      priorState: null,
      proposedNewState: config,
      config,
      priorPrivate: undefined,
    });
    expect(result.plannedState).toEqual({
      ...config,
      id: Unknown,
      size: 1,
      revision: Unknown,
      settings: { mode: "m", status: Unknown },
    });
  });

  it("on update marks computed attributes unknown unless a modifier keeps the prior state", async () => {
    const changed = { ...config, name: "renamed" };
    const proposed = { ...prior, name: "renamed" };
    const result = await planResourceChange(fakeResource(), undefined, {
      priorState: prior,
      proposedNewState: proposed,
      config: changed,
      priorPrivate: undefined,
    });
    expect(result.plannedState).toEqual({
      ...proposed,
      id: "w-1",
      revision: Unknown,
      settings: { mode: "m", status: Unknown },
    });
  });
});
