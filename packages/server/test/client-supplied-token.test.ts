// A key token made by the client (Terraform's ephemeral keyward_token): create and rotate install it, store only its
// hash, and never send it back. Refusals are in bad-input.test.ts.
import { readFile } from "node:fs/promises";
import { generateKeywardToken } from "@keyward/contract";
import { unwrap } from "@keyward/sdk";
import { type Harness, startHarness } from "@keyward/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => expect(h.serverErrors).toEqual([]));
afterAll(() => h.close());

const keyPath = (keyId: string) => ({ params: { path: { key_id: keyId } } });
const eventsStatus = async (token: string) => (await h.clientFor(token).GET("/v1/events")).response.status;

describe("a token supplied by the client", () => {
  it("when a key is created with a supplied token, then that token works, and neither the response nor the data file holds it", async () => {
    const site = await h.integration({
      username: "supplied-create",
      rolePreset: "events_people_read",
      keyPreset: "events_read",
    });
    const token = generateKeywardToken("key");
    const created = unwrap(
      await h.admin.POST("/v1/api-keys", {
        body: { name: "supplied", user_id: site.userId, preset: "events_read", token },
      }),
    );

    expect(created).not.toHaveProperty("token");
    expect(JSON.stringify(created)).not.toContain(token);
    expect(token.startsWith(created.prefix)).toBe(true);
    expect(await eventsStatus(token)).toBe(200);
    expect((await h.clientFor(token).GET("/v1/people")).response.status).toBe(403);
    await h.server.store.flush();
    expect(await readFile(h.dataFile, "utf8")).not.toContain(token);
    expect(await readFile(h.auditFile, "utf8").catch(() => "")).not.toContain(token);
  });

  it("when a key is rotated to a supplied token with a grace period, then both work until the grace ends, then only the new one", async () => {
    const site = await h.integration({
      username: "supplied-rotate",
      rolePreset: "events_read",
      keyPreset: "events_read",
    });
    const next = generateKeywardToken("key");
    const rotated = unwrap(
      await h.admin.POST("/v1/api-keys/{key_id}/rotate", {
        ...keyPath(site.keyId),
        body: { token: next, grace_period_seconds: 60 },
      }),
    );

    expect(rotated).not.toHaveProperty("token");
    expect(next.startsWith(rotated.prefix)).toBe(true);
    expect([await eventsStatus(next), await eventsStatus(site.token)]).toEqual([200, 200]);
    h.advance(61_000);
    expect([await eventsStatus(next), await eventsStatus(site.token)]).toEqual([200, 401]);
  });

  it("when a key's rotated-out token (still in its grace period) is supplied for another key, then 409 token_in_use", async () => {
    const site = await h.integration({
      username: "supplied-previous",
      rolePreset: "events_read",
      keyPreset: "events_read",
    });
    unwrap(
      await h.admin.POST("/v1/api-keys/{key_id}/rotate", {
        ...keyPath(site.keyId),
        body: { grace_period_seconds: 60 },
      }),
    );
    const reuse = await h.admin.POST("/v1/api-keys", {
      body: { name: "reuse", user_id: site.userId, preset: "events_read", token: site.token },
    });
    expect({ status: reuse.response.status, code: reuse.error?.code }).toEqual({ status: 409, code: "token_in_use" });
  });

  it("when a revoked key's token is supplied, then 409 token_in_use", async () => {
    const site = await h.integration({
      username: "supplied-revoked",
      rolePreset: "events_read",
      keyPreset: "events_read",
    });
    unwrap(await h.admin.DELETE("/v1/api-keys/{key_id}", keyPath(site.keyId)));
    const reuse = await h.admin.POST("/v1/api-keys", {
      body: { name: "reuse", user_id: site.userId, preset: "events_read", token: site.token },
    });
    expect({ status: reuse.response.status, code: reuse.error?.code }).toEqual({ status: 409, code: "token_in_use" });
  });
});
