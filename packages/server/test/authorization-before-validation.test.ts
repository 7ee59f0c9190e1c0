// Authorization before validation on the business API: a key without an operation's permission gets 403 naming
// it whatever it sends — a malformed body, bad JSON, unknown query parameters, an id that isn't one, an id that
// doesn't exist — so a key learns nothing about a resource it may not touch. Every business operation of the
// contract is tried, on both stores.

import { type Harness, type Integration, startHarness } from "@keyward/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationPermission } from "../src/domain/catalog.js";
import { loadContract } from "../src/http/contract.js";
import { type RawRequest, raw } from "./support/raw.js";

const operations = loadContract().operations.flatMap((route) => {
  const permission = operationPermission(route.operation);
  return permission ? [{ ...route, permission }] : [];
});

/** Malformed variants of a request to `template`: each would be a 400 or 404 for a key that may call it. */
function malformed(method: string, template: string): Array<{ what: string; request: Omit<RawRequest, "token"> }> {
  const path = (id: string) => template.replace("{record_id}", id);
  const hasId = template.includes("{record_id}");
  const withBody = method === "POST" || method === "PATCH";
  const variants: Array<{ what: string; request: Omit<RawRequest, "token"> }> = [
    {
      what: "unknown query parameters",
      request: { method, path: `${path("evt_0000000000000000")}?limit=many&shape=probe` },
    },
  ];
  if (hasId) {
    variants.push({ what: "an id that isn't one", request: { method, path: path("not an id!") } });
    variants.push({
      what: "an id that doesn't exist",
      request: { method, path: path("evt_0000000000000000"), ...(withBody && { body: { name: "x" } }) },
    });
  }
  if (withBody) {
    variants.push({
      what: "a body of wrong types and unknown fields",
      request: { method, path: path("evt_0000000000000000"), body: { name: 42, probe_field: true } },
    });
    variants.push({ what: "bad JSON", request: { method, path: path("evt_0000000000000000"), body: "{not json" } });
  }
  return variants;
}

let h: Harness;
let eventsReader: Integration;
let peopleReader: Integration;

beforeAll(async () => {
  h = await startHarness();
  eventsReader = await h.integration({
    username: "only-events-read",
    keyPermissions: [{ resource: "events", actions: ["read"] }],
  });
  peopleReader = await h.integration({
    username: "only-people-read",
    keyPermissions: [{ resource: "people", actions: ["read"] }],
  });
});
afterAll(async () => {
  expect(h.serverErrors).toEqual([]);
  await h.close();
});

describe("a key without the permission gets 403 before any validation", () => {
  it("covers every business operation of the contract", () => {
    expect(operations.length).toBeGreaterThanOrEqual(25);
  });

  for (const operation of operations) {
    const needed = `${operation.permission.resource}:${operation.permission.action}`;
    it(`when ${operation.operationId} (${needed}) is called malformed by a key without ${needed}, then 403 naming it and nothing changes`, async () => {
      const key = needed === "events:read" ? peopleReader : eventsReader;
      const before = await h.dataFingerprint();
      for (const { what, request } of malformed(operation.method, operation.template)) {
        const response = await raw(h, { ...request, token: key.token });
        expect({
          what,
          status: response.status,
          code: response.json?.code,
          missing: response.json?.missing_permission,
        }).toEqual({
          what,
          status: 403,
          code: "permission_denied",
          missing: needed,
        });
        expect(response.json).not.toHaveProperty("errors");
      }
      expect(await h.dataFingerprint()).toBe(before);
    });
  }

  it("when a key with the permission sends the same malformed request, then it gets the validation error (the check is not a blanket 403)", async () => {
    const response = await raw(h, {
      method: "GET",
      path: "/v1/events?limit=many&shape=probe",
      token: eventsReader.token,
    });
    expect({ status: response.status, code: response.json?.code }).toEqual({ status: 400, code: "validation_failed" });
  });
});
