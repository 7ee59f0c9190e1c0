import { describe, expect, it } from "vitest";
import { importResourceState, readResource, upgradeResourceState } from "../../src/framework/state-operations.js";
import { fakeResource } from "../helpers/fake-resource.js";

const state = { id: "w-1", name: "w", zone: null, size: 1, revision: 1, settings: null, rule: [] };

describe("read, import and upgrade", () => {
  it("read returning null removes the resource; private state passes through", async () => {
    const resource = fakeResource({
      read: (_req, resp) => {
        resp.state = null;
      },
    });
    expect(await readResource(resource, {}, { state, private: Uint8Array.of(9) })).toEqual({
      state: null,
      private: Uint8Array.of(9),
      diagnostics: [],
    });
  });

  it("read starts from the current state", async () => {
    const result = await readResource(fakeResource(), {}, { state, private: undefined });
    expect(result.state).toEqual(state);
  });

  it("import starts from a null object and keeps what importState sets", async () => {
    const resource = fakeResource({
      importState: (req, resp) => {
        resp.state.id = req.id;
      },
    });
    const result = await importResourceState(resource, {}, "w-9");
    expect(result.state).toEqual({
      id: "w-9",
      name: null,
      zone: null,
      size: null,
      revision: null,
      settings: null,
      rule: [],
    });
  });

  it("import without importState is an error diagnostic", async () => {
    const result = await importResourceState(fakeResource(), {}, "w-9");
    expect(result.diagnostics[0]?.summary).toBe("Resource import not supported");
  });

  it("decodes the raw state JSON when the version is current", async () => {
    const result = await upgradeResourceState(fakeResource(), { version: 0, rawStateJson: JSON.stringify(state) });
    expect(result.state).toEqual(state);
  });

  it("hands older versions to upgradeState", async () => {
    const resource = fakeResource({
      schema: { ...fakeResource().schema, version: 1 },
      upgradeState: (req, resp) => {
        resp.state = { ...state, name: String(req.rawState.title) };
      },
    });
    const result = await upgradeResourceState(resource, { version: 0, rawStateJson: '{"id":"w-1","title":"old"}' });
    expect(result.state).toMatchObject({ id: "w-1", name: "old" });
  });
});
