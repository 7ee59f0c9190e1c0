// Revoked keys are purged `revoked_key_retention_days` after revocation (SPEC §6), so the store stays bounded
// under create/revoke churn; the audit log keeps their history. Runs on both stores (see vitest.config.ts).
import { unwrap } from "@keyward/sdk";
import { type Harness, startHarness } from "@keyward/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seedDemo: false });
});
afterAll(() => h.close());

const DAY = 86_400_000;

async function churn(userId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const key = unwrap(
      await h.admin.POST("/v1/api-keys", { body: { name: `churn ${index}`, user_id: userId, preset: "events_read" } }),
    );
    unwrap(await h.admin.DELETE("/v1/api-keys/{key_id}", { params: { path: { key_id: key.id } } }));
    ids.push(key.id);
  }
  return ids;
}

describe("revoked key retention", () => {
  it("when revoked keys are older than the retention, then they are purged and their audit history stays", async () => {
    const owner = await h.integration({ username: "churner", rolePreset: "events_read", keyPreset: "events_read" });
    expect(unwrap(await h.admin.GET("/v1/settings")).revoked_key_retention_days).toBe(30);
    const [first] = await churn(owner.userId, 3);
    h.advance(29 * DAY);
    expect(await h.server.keyward.keys.purgeRevokedKeys()).toBe(0);
    h.advance(2 * DAY);
    expect(await h.server.keyward.keys.purgeRevokedKeys()).toBe(3);
    expect((await h.admin.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: first! } } })).response.status).toBe(
      404,
    );
    const history = unwrap(await h.admin.GET("/v1/audit-events", { params: { query: { target_id: first! } } }));
    expect(history.data.map((event) => event.action)).toEqual(["key.created", "key.revoked"]);
    // The live key is untouched.
    expect(
      unwrap(await h.admin.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: owner.keyId } } })).status,
    ).toBe("active");
  });

  it("when retention is 0, then revoked keys are kept forever", async () => {
    const owner = await h.integration({ username: "keeper", rolePreset: "events_read", keyPreset: "events_read" });
    unwrap(await h.admin.PATCH("/v1/settings", { body: { revoked_key_retention_days: 0 } }));
    const [kept] = await churn(owner.userId, 1);
    h.advance(3650 * DAY);
    expect(await h.server.keyward.keys.purgeRevokedKeys()).toBe(0);
    expect(unwrap(await h.admin.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: kept! } } })).status).toBe(
      "revoked",
    );
    unwrap(await h.admin.PATCH("/v1/settings", { body: { revoked_key_retention_days: 30 } }));
  });
});
