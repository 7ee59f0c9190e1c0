// API keys (openapi.yaml, tag "API keys"): editing, rotation with and without grace, inactivity, policies, usage.
import { unwrap } from "@keyward/sdk";
import { daysFrom, type Harness, startHarness, withIssuedToken } from "@keyward/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => expect(h.serverErrors).toEqual([]));
afterAll(() => h.close());

const keyPath = (keyId: string) => ({ params: { path: { key_id: keyId } } });

describe("tokens are shown once", () => {
  it("when a key is created, then the token is in that response only, with a recognisable prefix", async () => {
    const site = await h.integration({ username: "shown-once", rolePreset: "events_read", keyPreset: "events_read" });
    expect(site.token).toMatch(/^kw_[0-9A-Za-z]{36}$/);
    const key = unwrap(await h.admin.GET("/v1/api-keys/{key_id}", keyPath(site.keyId)));
    expect(key).not.toHaveProperty("token");
    expect(site.token.startsWith(key.prefix)).toBe(true);
    const listed = unwrap(await h.admin.GET("/v1/api-keys", { params: { query: { user_id: site.userId } } }));
    expect(JSON.stringify(listed)).not.toContain(site.token);
  });

  it("when keys are created, then their numbers are sequential", async () => {
    const site = await h.integration({ username: "numbered", rolePreset: "events_read", keyPreset: "events_read" });
    const a = unwrap(
      await h.admin.POST("/v1/api-keys", { body: { name: "a", user_id: site.userId, preset: "events_read" } }),
    );
    const b = unwrap(
      await h.admin.POST("/v1/api-keys", { body: { name: "b", user_id: site.userId, preset: "events_read" } }),
    );
    expect(b.number).toBe(a.number + 1);
  });
});

describe("editing a key", () => {
  it("when name, permissions and allowed IPs change, then the same token keeps working with the new scope", async () => {
    const site = await h.integration({
      username: "editable",
      rolePreset: "events_people_read",
      keyPreset: "events_read",
    });
    expect((await site.client.GET("/v1/people")).response.status).toBe(403);
    const edited = unwrap(
      await h.admin.PATCH("/v1/api-keys/{key_id}", {
        ...keyPath(site.keyId),
        body: {
          name: "renamed",
          permissions: [{ resource: "people", actions: ["read"], fields: ["first_name"] }],
          allowed_ips: ["127.0.0.0/8", "::1/128"],
        },
      }),
    );
    expect(edited).toMatchObject({ name: "renamed", preset: null, allowed_ips: ["127.0.0.0/8", "::1/128"] });
    const people = unwrap(await site.client.GET("/v1/people"));
    expect(Object.keys(people.data[0]!).sort()).toEqual(["first_name", "id"]);
    expect((await site.client.GET("/v1/events")).response.status).toBe(403);
  });
});

describe("rotation", () => {
  it("when rotated without grace, then the old token stops at once and the new one works", async () => {
    const site = await h.integration({ username: "rotate-now", rolePreset: "events_read", keyPreset: "events_read" });
    const rotated = withIssuedToken(
      unwrap(await h.admin.POST("/v1/api-keys/{key_id}/rotate", { ...keyPath(site.keyId), body: {} })),
    );
    expect(rotated.token).not.toBe(site.token);
    expect(rotated.id).toBe(site.keyId);
    expect((await site.client.GET("/v1/events")).response.status).toBe(401);
    expect((await h.clientFor(rotated.token).GET("/v1/events")).response.status).toBe(200);
  });

  it("when rotated with a grace period, then both tokens work until it ends, then only the new one", async () => {
    const site = await h.integration({ username: "rotate-grace", rolePreset: "events_read", keyPreset: "events_read" });
    const rotated = withIssuedToken(
      unwrap(
        await h.admin.POST("/v1/api-keys/{key_id}/rotate", {
          ...keyPath(site.keyId),
          body: { grace_period_seconds: 3600 },
        }),
      ),
    );
    expect((await site.client.GET("/v1/events")).response.status).toBe(200);
    expect((await h.clientFor(rotated.token).GET("/v1/events")).response.status).toBe(200);
    h.advance(3601 * 1000);
    const old = await site.client.GET("/v1/events");
    expect(old.response.status).toBe(401);
    expect(old.error?.code).toBe("invalid_token");
    expect((await h.clientFor(rotated.token).GET("/v1/events")).response.status).toBe(200);
  });

  it("when a revoked key is rotated, then 409 and no token", async () => {
    const site = await h.integration({
      username: "rotate-revoked",
      rolePreset: "events_read",
      keyPreset: "events_read",
    });
    unwrap(await h.admin.DELETE("/v1/api-keys/{key_id}", keyPath(site.keyId)));
    const result = await h.admin.POST("/v1/api-keys/{key_id}/rotate", { ...keyPath(site.keyId), body: {} });
    expect(result.response.status).toBe(409);
    expect(result.data).toBeUndefined();
  });
});

describe("inactivity", () => {
  it("when a key is unused for key_inactivity_days, then it is disabled with reason inactivity; re-enabling restarts the clock", async () => {
    unwrap(await h.admin.PATCH("/v1/settings", { body: { key_inactivity_days: 10 } }));
    const site = await h.integration({ username: "sleepy", rolePreset: "events_read", keyPreset: "events_read" });
    const busy = await h.integration({ username: "busy", rolePreset: "events_read", keyPreset: "events_read" });
    h.advance(6 * 86_400_000);
    expect((await busy.client.GET("/v1/events")).response.status).toBe(200);
    h.advance(5 * 86_400_000);

    const refused = await site.client.GET("/v1/events");
    expect(refused.response.status).toBe(401);
    expect(refused.error?.code).toBe("key_disabled");
    expect(unwrap(await h.admin.GET("/v1/api-keys/{key_id}", keyPath(site.keyId)))).toMatchObject({
      active: false,
      status: "disabled",
      disabled_reason: "inactivity",
    });
    // The busy key was used 5 days ago: still active.
    expect(unwrap(await h.admin.GET("/v1/api-keys/{key_id}", keyPath(busy.keyId))).status).toBe("active");

    const events = unwrap(
      await h.admin.GET("/v1/audit-events", {
        params: { query: { action: "key.disabled_inactive", target_id: site.keyId } },
      }),
    );
    expect(events.data).toHaveLength(1);

    unwrap(await h.admin.PATCH("/v1/api-keys/{key_id}", { ...keyPath(site.keyId), body: { active: true } }));
    expect((await site.client.GET("/v1/events")).response.status).toBe(200);
    unwrap(await h.admin.PATCH("/v1/settings", { body: { key_inactivity_days: 0 } }));
  });
});

describe("lifetime policy", () => {
  it("when max_key_lifetime_days is set, then keys must expire within it", async () => {
    const site = await h.integration({ username: "policy", rolePreset: "events_read", keyPreset: "events_read" });
    unwrap(await h.admin.PATCH("/v1/settings", { body: { max_key_lifetime_days: 30 } }));
    const never = await h.admin.POST("/v1/api-keys", {
      body: { name: "forever", user_id: site.userId, preset: "events_read" },
    });
    expect(never.error?.code).toBe("expiry_beyond_policy");
    const tooLate = await h.admin.POST("/v1/api-keys", {
      body: { name: "late", user_id: site.userId, preset: "events_read", expires_at: daysFrom(h, 31) },
    });
    expect(tooLate.error?.code).toBe("expiry_beyond_policy");
    expect(tooLate.error?.errors?.[0]?.path).toBe("/body/expires_at");
    const ok = await h.admin.POST("/v1/api-keys", {
      body: { name: "ok", user_id: site.userId, preset: "events_read", expires_at: daysFrom(h, 29) },
    });
    expect(ok.response.status).toBe(201);
    unwrap(await h.admin.PATCH("/v1/settings", { body: { max_key_lifetime_days: null } }));
  });
});

describe("usage", () => {
  it("when a key is used, then last_used_at is recorded (coalesced, in the background)", async () => {
    const site = await h.integration({ username: "used", rolePreset: "events_read", keyPreset: "events_read" });
    expect(unwrap(await h.admin.GET("/v1/api-keys/{key_id}", keyPath(site.keyId))).last_used_at).toBeNull();
    unwrap(await site.client.GET("/v1/events"));
    const key = unwrap(await h.admin.GET("/v1/api-keys/{key_id}", keyPath(site.keyId)));
    expect(Date.parse(key.last_used_at ?? "")).toBeGreaterThan(Date.parse(key.created_at) - 1);
  });

  it("when keys are listed by status, then only keys of that status come back", async () => {
    const site = await h.integration({
      username: "status-filter",
      rolePreset: "events_read",
      keyPreset: "events_read",
    });
    unwrap(await h.admin.PATCH("/v1/api-keys/{key_id}", { ...keyPath(site.keyId), body: { active: false } }));
    const disabled = unwrap(await h.admin.GET("/v1/api-keys", { params: { query: { status: "disabled" } } }));
    expect(disabled.data.map((k) => k.id)).toContain(site.keyId);
    expect(disabled.data.every((k) => k.status === "disabled")).toBe(true);
  });
});
