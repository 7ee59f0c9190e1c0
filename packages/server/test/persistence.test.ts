// Data, keys and usage survive a restart; the admin token printed once keeps working.
import { readFile } from "node:fs/promises";
import { unwrap } from "@keyward/sdk";
import { type Harness, startHarness } from "@keyward/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => expect(h.serverErrors).toEqual([]));
afterAll(() => h.close());

describe("persistence", () => {
  it("when the server restarts, then users, roles, keys, settings, business data and usage are all still there", async () => {
    const site = await h.integration({
      username: "survivor",
      rolePermissions: [{ resource: "people", actions: ["read"], fields: ["first_name"] }],
    });
    unwrap(await site.client.GET("/v1/people"));
    unwrap(await h.admin.PATCH("/v1/settings", { body: { key_inactivity_days: 45 } }));
    const before = unwrap(await h.admin.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: site.keyId } } }));

    await h.restart();
    expect(h.server.issuedAdminToken).toBeNull();
    const after = unwrap(await h.admin.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: site.keyId } } }));
    expect(after).toEqual(before);
    expect(after.last_used_at).not.toBeNull();
    expect(unwrap(await h.admin.GET("/v1/settings")).key_inactivity_days).toBe(45);
    const people = unwrap(await h.clientFor(site.token).GET("/v1/people"));
    expect(Object.keys(people.data[0]!).sort()).toEqual(["first_name", "id"]);
    expect(people.data).toHaveLength(4);
  });

  it("when the data file is read, then it is valid JSON holding hashes, never tokens", async () => {
    const site = await h.integration({ username: "hashed", rolePreset: "events_read", keyPreset: "events_read" });
    await h.server.store.flush();
    const text = await readFile(h.dataFile, "utf8");
    const document = JSON.parse(text) as { keys: Record<string, { token_hash: string }> };
    expect(text).not.toContain(site.token);
    expect(text).not.toContain(h.adminToken);
    expect(document.keys[site.keyId]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
