// Management tokens: scoped kwa_ tokens of admin users, shown once, stored hashed, rotated with a grace period,
// disabled and revoked; scopes enforced from the contract's x-keyward-scope; no escalation; the last token that
// can manage tokens stays; every audit event names the acting user and token.
import { readFile } from "node:fs/promises";
import { unwrap } from "@keyward/sdk";
import type { components } from "@keyward/sdk/schema";
import { type Harness, startHarness, testStoreKind } from "@keyward/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raw } from "./support/raw.js";

type Scope = components["schemas"]["ManagementScope"];

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seedDemo: false });
});
afterAll(async () => {
  expect(h.serverErrors).toEqual([]);
  await h.close();
});

async function issue(scopes: Scope[], by = h.adminToken, extra: { user_id?: string; expires_at?: string } = {}) {
  return unwrap(
    await h
      .clientFor(by)
      .POST("/v1/management-tokens", { body: { name: `token ${scopes.join(" ")}`, scopes, ...extra } }),
  );
}

async function bootstrapToken() {
  const { data } = unwrap(await h.admin.GET("/v1/management-tokens", { params: { query: { limit: 200 } } }));
  const token = data.find((t) => t.name === "bootstrap");
  if (!token) {
    throw new Error("no bootstrap token listed");
  }
  return token;
}

describe("management tokens as a resource", () => {
  it("when the server first starts, then its printed token is a management token with every scope", async () => {
    const token = await bootstrapToken();
    expect(token).toMatchObject({
      status: "active",
      active: true,
      created_by: "system",
      expires_at: null,
      revoked_at: null,
    });
    expect(token.scopes).toEqual([
      "users:read",
      "users:write",
      "roles:read",
      "roles:write",
      "keys:read",
      "keys:write",
      "settings:read",
      "settings:write",
      "audit:read",
      "keys:verify",
      "tokens:manage",
    ]);
    expect(h.adminToken.startsWith(token.prefix)).toBe(true);
    expect(token.last_used_at).not.toBeNull();
  });

  it("when a token is issued, then it is kwa_, shown once, stored only as a hash, and its use is recorded", async () => {
    const created = await issue(["users:read"], h.adminToken, {
      expires_at: new Date(h.now().getTime() + 86_400_000).toISOString(),
    });
    expect(created.token).toMatch(/^kwa_[0-9A-Za-z]{36}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect(created).toMatchObject({ status: "active", scopes: ["users:read"], last_used_at: null });
    const read = unwrap(
      await h.admin.GET("/v1/management-tokens/{token_id}", { params: { path: { token_id: created.id } } }),
    );
    expect(read).not.toHaveProperty("token");
    expect(read).not.toHaveProperty("token_hash");

    expect((await raw(h, { path: "/v1/users", token: created.token })).status).toBe(200);
    await h.server.store.flush();
    const used = unwrap(
      await h.admin.GET("/v1/management-tokens/{token_id}", { params: { path: { token_id: created.id } } }),
    );
    expect(used.last_used_at).not.toBeNull();
    if (testStoreKind === "lowdb") {
      expect(await readFile(h.dataFile, "utf8")).not.toContain(created.token);
    }
    expect(await readFile(h.auditFile, "utf8").catch(() => "")).not.toContain(created.token);
  });

  it("when another admin user is created, then tokens can be issued to it, but not to a non-admin", async () => {
    const ops = unwrap(
      await h.admin.POST("/v1/users", { body: { username: "ops-admin", name: "Ops", kind: "person", is_admin: true } }),
    );
    const theirs = await issue(["keys:read"], h.adminToken, { user_id: ops.id });
    expect(theirs.user_id).toBe(ops.id);
    expect((await raw(h, { path: "/v1/api-keys", token: theirs.token })).status).toBe(200);
    const person = unwrap(
      await h.admin.POST("/v1/users", { body: { username: "not-admin", name: "Not admin", kind: "person" } }),
    );
    const refused = await raw(h, {
      method: "POST",
      path: "/v1/management-tokens",
      body: { name: "x", scopes: ["keys:read"], user_id: person.id },
    });
    expect({ status: refused.status, code: refused.json?.code }).toEqual({ status: 422, code: "user_not_admin" });
  });

  it("when a token is rotated with a grace period, then the old secret works until it ends and the new one from now on", async () => {
    const created = await issue(["settings:read"]);
    const rotated = unwrap(
      await h.admin.POST("/v1/management-tokens/{token_id}/rotate", {
        params: { path: { token_id: created.id } },
        body: { grace_period_seconds: 60 },
      }),
    );
    expect(rotated.token).not.toBe(created.token);
    expect((await raw(h, { path: "/v1/settings", token: rotated.token })).status).toBe(200);
    expect((await raw(h, { path: "/v1/settings", token: created.token })).status).toBe(200);
    h.advance(61_000);
    const late = await raw(h, { path: "/v1/settings", token: created.token });
    expect({ status: late.status, code: late.json?.code }).toEqual({ status: 401, code: "invalid_token" });
    expect((await raw(h, { path: "/v1/settings", token: rotated.token })).status).toBe(200);
  });

  it("when a token is disabled, expires or is revoked, then it gets 401; disabling is reversible, revoking is not", async () => {
    const created = await issue(["settings:read"], h.adminToken, {
      expires_at: new Date(h.now().getTime() + 3_600_000).toISOString(),
    });
    const path = { token_id: created.id };
    unwrap(await h.admin.PATCH("/v1/management-tokens/{token_id}", { params: { path }, body: { active: false } }));
    expect((await raw(h, { path: "/v1/settings", token: created.token })).json?.code).toBe("key_disabled");
    unwrap(await h.admin.PATCH("/v1/management-tokens/{token_id}", { params: { path }, body: { active: true } }));
    expect((await raw(h, { path: "/v1/settings", token: created.token })).status).toBe(200);
    h.advance(3_601_000);
    expect((await raw(h, { path: "/v1/settings", token: created.token })).json?.code).toBe("key_expired");

    const other = await issue(["settings:read"]);
    const revoked = unwrap(
      await h.admin.DELETE("/v1/management-tokens/{token_id}", { params: { path: { token_id: other.id } } }),
    );
    expect(revoked.status).toBe("revoked");
    expect((await raw(h, { path: "/v1/settings", token: other.token })).json?.code).toBe("key_revoked");
    const list = unwrap(await h.admin.GET("/v1/management-tokens", { params: { query: { status: "revoked" } } }));
    expect(list.data.map((t) => t.id)).toContain(other.id);
  });

  it("when the bootstrap token is the last with tokens:manage, then it can't be revoked, disabled or narrowed (409); once another exists, it can", async () => {
    const lone = await startHarness({ seedDemo: false });
    try {
      const { data } = unwrap(await lone.admin.GET("/v1/management-tokens"));
      const bootstrap = data[0];
      if (!bootstrap) {
        throw new Error("no bootstrap token");
      }
      const before = await lone.dataFingerprint();
      for (const request of [
        { method: "DELETE", path: `/v1/management-tokens/${bootstrap.id}` },
        { method: "PATCH", path: `/v1/management-tokens/${bootstrap.id}`, body: { active: false } },
        { method: "PATCH", path: `/v1/management-tokens/${bootstrap.id}`, body: { scopes: ["users:read"] } },
      ]) {
        const refused = await raw(lone, request);
        expect({ status: refused.status, code: refused.json?.code }).toEqual({
          status: 409,
          code: "last_manage_token",
        });
      }
      expect(await lone.dataFingerprint()).toBe(before);

      const successor = unwrap(
        await lone.admin.POST("/v1/management-tokens", {
          body: { name: "successor", scopes: ["tokens:manage", "users:read"] },
        }),
      );
      const revoked = unwrap(
        await lone
          .clientFor(successor.token)
          .DELETE("/v1/management-tokens/{token_id}", { params: { path: { token_id: bootstrap.id } } }),
      );
      expect(revoked.status).toBe("revoked");
      expect((await raw(lone, { path: "/v1/users" })).json?.code).toBe("key_revoked");
      const last = await raw(lone, {
        method: "DELETE",
        path: `/v1/management-tokens/${successor.id}`,
        token: successor.token,
      });
      expect({ status: last.status, code: last.json?.code }).toEqual({ status: 409, code: "last_manage_token" });
      expect(lone.serverErrors).toEqual([]);
    } finally {
      await lone.close();
    }
  });
});

describe("scopes enforced from the contract", () => {
  let ci: { token: string; id: string };
  let manager: { token: string; id: string };
  beforeAll(async () => {
    ci = await issue(["users:write", "roles:write", "keys:write"]);
    manager = await issue(["tokens:manage", "users:read"]);
  });

  it("when a token lacks an operation's scope, then 403 scope_missing names the scope, and nothing changes", async () => {
    const before = await h.dataFingerprint();
    for (const [request, scope] of [
      [{ method: "PATCH", path: "/v1/settings", body: { key_inactivity_days: 5 } }, "settings:write"],
      [{ path: "/v1/settings" }, "settings:read"],
      [{ path: "/v1/audit-events" }, "audit:read"],
      [
        { method: "POST", path: "/v1/keys/verify", body: { token: "x", resource: "events", action: "read" } },
        "keys:verify",
      ],
      [{ path: "/v1/management-tokens" }, "tokens:manage"],
      [{ method: "POST", path: "/v1/api-keys/revoke-all", body: { confirm: "REVOKE ALL KEYS" } }, "keys:write"],
    ] as const) {
      const token = scope === "keys:write" ? manager.token : ci.token;
      const refused = await raw(h, { ...request, token });
      expect({ status: refused.status, code: refused.json?.code, missing: refused.json?.missing_scope }).toEqual({
        status: 403,
        code: "scope_missing",
        missing: scope,
      });
      expect(String(refused.json?.detail)).toContain(scope);
    }
    expect(await h.dataFingerprint()).toBe(before);
  });

  it("when any management token asks who it is, then it gets its own record and scopes, whatever its scopes; a key gets 403", async () => {
    const reader = await issue(["users:read"]);
    const self = unwrap(await h.clientFor(reader.token).GET("/v1/management-token"));
    expect({ id: self.id, scopes: self.scopes }).toEqual({ id: reader.id, scopes: ["users:read"] });
    const key = await h.integration({ username: "asks-who", keyPreset: "events_read", rolePreset: "events_read" });
    expect((await raw(h, { path: "/v1/management-token", token: key.token })).json?.code).toBe("admin_required");
  });

  it("when a token has a write scope, then it may also read (a CI token applies and refreshes users, roles and keys)", async () => {
    const client = h.clientFor(ci.token);
    const role = unwrap(await client.POST("/v1/roles", { body: { name: "ci-role", preset: "events_read" } }));
    const user = unwrap(
      await client.POST("/v1/users", { body: { username: "ci-user", name: "CI user", role_ids: [role.id] } }),
    );
    const key = unwrap(
      await client.POST("/v1/api-keys", { body: { name: "ci key", user_id: user.id, preset: "events_read" } }),
    );
    unwrap(await client.GET("/v1/roles/{role_id}", { params: { path: { role_id: role.id } } }));
    unwrap(await client.GET("/v1/users/{user_id}", { params: { path: { user_id: user.id } } }));
    unwrap(await client.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: key.id } } }));
    unwrap(await client.GET("/v1/permissions"));
  });

  it("when a token tries to issue or widen a token beyond its own scopes, then 403 scope_escalation and nothing changes", async () => {
    const before = await h.dataFingerprint();
    const escalate = await raw(h, {
      method: "POST",
      path: "/v1/management-tokens",
      token: manager.token,
      body: { name: "wider", scopes: ["users:read", "settings:write"] },
    });
    expect({ status: escalate.status, code: escalate.json?.code, scopes: escalate.json?.scopes }).toEqual({
      status: 403,
      code: "scope_escalation",
      scopes: ["settings:write"],
    });
    const widen = await raw(h, {
      method: "PATCH",
      path: `/v1/management-tokens/${ci.id}`,
      token: manager.token,
      body: { scopes: ["users:write"] },
    });
    expect({ status: widen.status, code: widen.json?.code }).toEqual({ status: 403, code: "scope_escalation" });
    expect(await h.dataFingerprint()).toBe(before);
    // Within its own scopes it may issue.
    const narrow = unwrap(
      await h
        .clientFor(manager.token)
        .POST("/v1/management-tokens", { body: { name: "reader", scopes: ["users:read"] } }),
    );
    expect(narrow.scopes).toEqual(["users:read"]);
  });

  it("when a change is made with a management token, then its audit event names the acting user and token", async () => {
    const client = h.clientFor(ci.token);
    const role = unwrap(await client.POST("/v1/roles", { body: { name: "audited-role", preset: "events_read" } }));
    const me = unwrap(await h.admin.GET("/v1/management-tokens/{token_id}", { params: { path: { token_id: ci.id } } }));
    const { data } = unwrap(await h.admin.GET("/v1/audit-events", { params: { query: { target_id: role.id } } }));
    expect(data[0]?.actor).toEqual({ type: "admin", id: me.user_id, token_id: ci.id });
    const refusals = unwrap(
      await h.admin.GET("/v1/audit-events", { params: { query: { action: "key.refused", limit: 200 } } }),
    );
    expect(refusals.data.find((e) => e.reason === "scope_missing")?.actor).toEqual({
      type: "admin",
      id: me.user_id,
      token_id: ci.id,
    });
  });
});
