import { describe, expect, it } from "vitest";
import { planResourceChange } from "../../src/framework/plan.js";
import { Unknown } from "../../src/index.js";
import { fakeResource } from "../helpers/fake-resource.js";

const config = {
  id: null,
  name: "w",
  zone: null,
  size: null,
  revision: null,
  settings: null,
  rule: [{ port: 80, protocol: null }],
};

describe("plan: defaults", () => {
  it("plans the default where the config leaves an attribute null, at every level", async () => {
    const result = await planResourceChange(fakeResource(), undefined, {
      priorState: null,
      proposedNewState: config,
      config,
      priorPrivate: undefined,
    });
    expect(result.plannedState).toMatchObject({ size: 1, rule: [{ port: 80, protocol: "tcp" }] });
  });

  it("keeps a configured value over the default", async () => {
    const configured = { ...config, size: 5, rule: [{ port: 80, protocol: "udp" }] };
    const result = await planResourceChange(fakeResource(), undefined, {
      priorState: null,
      proposedNewState: configured,
      config: configured,
      priorPrivate: undefined,
    });
    expect(result.plannedState).toMatchObject({ size: 5, rule: [{ port: 80, protocol: "udp" }], revision: Unknown });
  });
});
