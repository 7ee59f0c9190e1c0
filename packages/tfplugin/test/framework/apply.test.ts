import { describe, expect, it } from "vitest";
import { applyResourceChange } from "../../src/framework/apply.js";
import { type CtyObject, Unknown } from "../../src/index.js";
import { fakeResource } from "../helpers/fake-resource.js";

const planned: CtyObject = { id: Unknown, name: "w", zone: null, size: 1, revision: Unknown, settings: null, rule: [] };
const created = { ...planned, id: "w-1", revision: 1 };
const config = { ...planned, id: null, size: null, revision: null };

describe("apply", () => {
  it("create starts from the plan and returns the filled-in state", async () => {
    const resource = fakeResource({
      create: (req, resp) => {
        expect(resp.state).toEqual(req.plan);
        resp.state = { ...req.plan, id: "w-1", revision: 1 };
        resp.private = Uint8Array.of(7);
      },
    });
    const result = await applyResourceChange(
      resource,
      {},
      { priorState: null, plannedState: planned, config, plannedPrivate: undefined },
    );
    expect(result).toEqual({ state: created, private: Uint8Array.of(7), diagnostics: [] });
  });

  it("names the attributes a create left unknown", async () => {
    const resource = fakeResource({
      create: (req, resp) => {
        resp.state = { ...req.plan, id: "w-1" };
      },
    });
    const result = await applyResourceChange(
      resource,
      {},
      { priorState: null, plannedState: planned, config, plannedPrivate: undefined },
    );
    expect(result.state).toBeNull();
    expect(result.diagnostics[0]?.detail).toContain("left revision unknown");
  });

  it("reports missing state after create", async () => {
    const resource = fakeResource({
      create: (_req, resp) => {
        resp.state = null;
      },
    });
    const result = await applyResourceChange(
      resource,
      {},
      { priorState: null, plannedState: planned, config, plannedPrivate: undefined },
    );
    expect(result.diagnostics).toEqual([expect.objectContaining({ summary: "Missing resource state after create" })]);
  });

  it("turns a throw into one 'bug in the provider' diagnostic", async () => {
    const resource = fakeResource({
      create: () => {
        throw new Error("boom");
      },
    });
    const result = await applyResourceChange(
      resource,
      {},
      { priorState: null, plannedState: planned, config, plannedPrivate: undefined },
    );
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]?.detail).toMatch(/this is a bug in the provider[\s\S]*boom/);
  });

  it("delete removes the state, and keeps it when delete fails", async () => {
    const ok = await applyResourceChange(
      fakeResource(),
      {},
      { priorState: created, plannedState: null, config: null, plannedPrivate: undefined },
    );
    expect(ok.state).toBeNull();
    const failing = fakeResource({ delete: (_req, resp) => resp.diagnostics.error("Unable to delete") });
    const failed = await applyResourceChange(
      failing,
      {},
      { priorState: created, plannedState: null, config: null, plannedPrivate: undefined },
    );
    expect(failed.state).toBe(created);
  });

  it("update without an update handler is an error diagnostic", async () => {
    const resource = fakeResource({ update: undefined });
    const result = await applyResourceChange(
      resource,
      {},
      {
        priorState: created,
        plannedState: { ...created, name: "x" },
        config,
        plannedPrivate: undefined,
      },
    );
    expect(result.diagnostics[0]?.summary).toBe("Resource cannot be updated");
  });
});
