// Every refusal, in the order the README gives ("Running the server"): 401 (with WWW-Authenticate) → 402 → 403 → field scope;
// admin-only management; introspection (/v1/me, /v1/keys/verify); refusals audited; tokens never stored.

import { keywardTokenChecksum as checksum, randomBase62 } from "@keyward/contract";
import { unwrap } from "@keyward/sdk";
import type { PermissionGrant, ProblemCode } from "@keyward/sdk/schema";
import {
  daysFrom,
  type Harness,
  type Integration,
  type IntegrationSpec,
  startHarness,
  storedText,
  withIssuedToken,
} from "@keyward/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { basicHeader, type RawRequest, type RawResponse, raw } from "./support/raw.js";

let h: Harness;
/** Every token this file issued or sent: none may ever reach the data file or the audit log. */
const tokens: string[] = [];
const DAY = 86_400_000;

beforeAll(async () => {
  h = await startHarness();
  tokens.push(h.adminToken);
});
afterEach(() => expect(h.serverErrors).toEqual([]));
afterAll(() => h.close());

async function integration(spec: IntegrationSpec): Promise<Integration> {
  const created = await h.integration(spec);
  tokens.push(created.token);
  return created;
}

/** A key with every permission, on both the key and its role. */
const fullAccess = (username: string, extra: Partial<IntegrationSpec> = {}) =>
  integration({ username, rolePreset: "full_access", keyPreset: "full_access", ...extra });

/** A token of the right shape with a valid checksum that no key has. */
function fabricatedToken(): string {
  const body = `kw_${randomBase62(30)}`;
  const token = body + checksum(body);
  tokens.push(token);
  return token;
}

/** The same token with one character of its random part changed. */
function flipOneChar(token: string): string {
  const at = 8;
  const replacement = token[at] === "A" ? "B" : "A";
  const flipped = token.slice(0, at) + replacement + token.slice(at + 1);
  tokens.push(flipped);
  return flipped;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function expectProblem(response: RawResponse, status: number, code: ProblemCode): void {
  expect({ status: response.status, code: response.json?.code }).toEqual({ status, code });
  expect(response.contentType).toMatch(/^application\/problem\+json\b/);
  expect(response.json).toEqual(
    expect.objectContaining({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      code,
    }),
  );
}

function expect401(response: RawResponse, code: ProblemCode): void {
  expectProblem(response, 401, code);
  const challenge = response.headers.get("www-authenticate");
  expect(challenge).toMatch(/\bBearer\b/);
  expect(challenge).toMatch(/\bBasic\b/);
}

const listEvents = (headers: Record<string, string>): RawRequest => ({ path: "/v1/events", token: null, headers });

describe("1. authentication: 401 with WWW-Authenticate", () => {
  it("when no token is sent, then 401 missing_token", async () => {
    expect401(await raw(h, { path: "/v1/events", token: null }), "missing_token");
    expect401(await raw(h, { path: "/v1/users", token: null }), "missing_token");
  });

  it("when the Authorization scheme is not Bearer or Basic (Token x), then 401 missing_token", async () => {
    expect401(await raw(h, listEvents({ authorization: "Token x" })), "missing_token");
  });

  it("when the token is malformed (kw_abc), then 401 malformed_token", async () => {
    tokens.push("kw_abc");
    expect401(await raw(h, listEvents(bearer("kw_abc"))), "malformed_token");
  });

  it("when one character of a real token is changed (bad checksum), then 401 malformed_token", async () => {
    const site = await fullAccess("flipped-char");
    expect((await raw(h, listEvents(bearer(site.token)))).status).toBe(200);
    expect401(await raw(h, listEvents(bearer(flipOneChar(site.token)))), "malformed_token");
    expect401(await raw(h, { path: "/v1/users", token: flipOneChar(h.adminToken) }), "malformed_token");
  });

  it("when a well-formed token with a valid checksum is unknown, then 401 invalid_token", async () => {
    expect401(await raw(h, listEvents(bearer(fabricatedToken()))), "invalid_token");
  });

  it("when the key was revoked, then 401 key_revoked (not the management 409)", async () => {
    const site = await fullAccess("revoked-key");
    unwrap(await h.admin.DELETE("/v1/api-keys/{key_id}", { params: { path: { key_id: site.keyId } } }));
    expect401(await raw(h, listEvents(bearer(site.token))), "key_revoked");
    expect401(await raw(h, { path: "/v1/me", token: site.token }), "key_revoked");
  });

  it("when the key's expiry has passed, then 401 key_expired", async () => {
    const site = await fullAccess("expiring-key", { expiresAt: daysFrom(h, 1) });
    expect((await raw(h, listEvents(bearer(site.token)))).status).toBe(200);
    h.advance(2 * DAY);
    expect401(await raw(h, listEvents(bearer(site.token))), "key_expired");
  });

  it("when the key is disabled, then 401 key_disabled", async () => {
    const site = await fullAccess("disabled-key");
    unwrap(
      await h.admin.PATCH("/v1/api-keys/{key_id}", {
        params: { path: { key_id: site.keyId } },
        body: { active: false },
      }),
    );
    expect401(await raw(h, listEvents(bearer(site.token))), "key_disabled");
  });

  it("when the owner is deactivated, then 401 owner_inactive", async () => {
    const site = await fullAccess("inactive-owner");
    unwrap(
      await h.admin.PATCH("/v1/users/{user_id}", {
        params: { path: { user_id: site.userId } },
        body: { active: false },
      }),
    );
    expect401(await raw(h, listEvents(bearer(site.token))), "owner_inactive");
  });

  it("when the owner is deleted, then the response counts 1 revoked key and the key gets 401 key_revoked", async () => {
    const site = await fullAccess("deleted-owner");
    const deleted = unwrap(await h.admin.DELETE("/v1/users/{user_id}", { params: { path: { user_id: site.userId } } }));
    expect(deleted).toEqual({ id: site.userId, revoked_keys: 1 });
    expect401(await raw(h, listEvents(bearer(site.token))), "key_revoked");
  });

  it("when the client IP is outside allowed_ips, then 401 ip_not_allowed; inside, the key works", async () => {
    const outside = await fullAccess("ip-outside", { allowedIps: ["203.0.113.0/24"] });
    expect401(await raw(h, listEvents(bearer(outside.token))), "ip_not_allowed");
    const inside = await fullAccess("ip-inside", { allowedIps: ["127.0.0.1/32"] });
    expect((await inside.client.GET("/v1/events")).response.status).toBe(200);
  });

  it("when the token is the password of HTTP Basic (any username), then it works; an empty password is 401", async () => {
    const site = await fullAccess("basic-auth");
    for (const username of ["integration", "", "whatever-you-like"]) {
      const call = await h.basicClientFor(site.token, username).GET("/v1/events");
      expect(call.response.status).toBe(200);
    }
    expect401(await raw(h, listEvents({ authorization: basicHeader("integration", "") })), "missing_token");
    expect401(await raw(h, listEvents({ authorization: basicHeader(site.token, "") })), "missing_token");
    expect401(await raw(h, listEvents({ authorization: basicHeader("integration", "kw_abc") })), "malformed_token");
  });
});

describe("2. external_connectivity off: 402, checked after authentication", () => {
  it("when the feature is off, then a valid key gets 402 feature_disabled, a bad or missing token still 401, a key lacking the permission 402", async () => {
    const site = await integration({
      username: "feature-off",
      rolePermissions: [{ resource: "events", actions: ["read"] }],
    });
    unwrap(await h.admin.PATCH("/v1/settings", { body: { features: { external_connectivity: false } } }));
    try {
      expectProblem(await raw(h, listEvents(bearer(site.token))), 402, "feature_disabled");
      expect401(await raw(h, listEvents(bearer("kw_abc"))), "malformed_token");
      expect401(await raw(h, listEvents(bearer(fabricatedToken()))), "invalid_token");
      expect401(await raw(h, { path: "/v1/events", token: null }), "missing_token");
      expectProblem(await raw(h, { path: "/v1/people", token: site.token }), 402, "feature_disabled");
    } finally {
      unwrap(await h.admin.PATCH("/v1/settings", { body: { features: { external_connectivity: true } } }));
    }
    expect((await site.client.GET("/v1/events")).response.status).toBe(200);
  });
});

describe("3. permissions: 403 naming the missing one; a key never exceeds its user", () => {
  const newEvent = { name: "Unauthorised", starts_at: "2027-04-01T09:00:00Z" };

  it("when the key lacks the action, then 403 permission_denied with missing_permission and nothing written", async () => {
    const site = await integration({
      username: "read-only",
      rolePermissions: [{ resource: "events", actions: ["read"] }],
    });
    const before = await h.dataFingerprint();
    const call = await raw(h, { method: "POST", path: "/v1/events", token: site.token, body: newEvent });
    expectProblem(call, 403, "permission_denied");
    expect(call.json?.missing_permission).toBe("events:create");
    expect(await h.dataFingerprint()).toBe(before);
  });

  it("when the key grants an action its owner's roles don't, then 403", async () => {
    const site = await integration({
      username: "key-exceeds-role",
      rolePermissions: [{ resource: "events", actions: ["read"] }],
      keyPermissions: [{ resource: "events", actions: ["read", "create"] }],
    });
    const before = await h.dataFingerprint();
    const call = await raw(h, { method: "POST", path: "/v1/events", token: site.token, body: newEvent });
    expectProblem(call, 403, "permission_denied");
    expect(call.json?.missing_permission).toBe("events:create");
    expect(await h.dataFingerprint()).toBe(before);
    expect((await site.client.GET("/v1/events")).response.status).toBe(200);
  });

  it("when the roles grant an action the key doesn't, then 403", async () => {
    const site = await integration({
      username: "role-exceeds-key",
      rolePermissions: [{ resource: "events", actions: ["read", "create"] }],
      keyPermissions: [{ resource: "events", actions: ["read"] }],
    });
    const before = await h.dataFingerprint();
    const call = await raw(h, { method: "POST", path: "/v1/events", token: site.token, body: newEvent });
    expectProblem(call, 403, "permission_denied");
    expect(call.json?.missing_permission).toBe("events:create");
    expect(await h.dataFingerprint()).toBe(before);
  });
});

describe("4. field scope = key fields ∩ role fields", () => {
  const keyGrant: PermissionGrant = {
    resource: "people",
    actions: ["read", "update"],
    fields: ["first_name", "last_name", "email"],
  };
  const roleGrant: PermissionGrant = {
    resource: "people",
    actions: ["read", "update"],
    fields: ["first_name", "last_name", "phone"],
  };

  it("when key and role allow different fields, then only id and the common fields are visible", async () => {
    const site = await integration({
      username: "field-scope",
      rolePermissions: [roleGrant],
      keyPermissions: [keyGrant],
    });
    const people = unwrap(await site.client.GET("/v1/people"));
    expect(people.data.length).toBeGreaterThan(0);
    for (const person of people.data) {
      expect(Object.keys(person).sort()).toEqual(["first_name", "id", "last_name"]);
    }
    const one = unwrap(
      await site.client.GET("/v1/people/{record_id}", { params: { path: { record_id: people.data[0]!.id } } }),
    );
    expect(Object.keys(one).sort()).toEqual(["first_name", "id", "last_name"]);
  });

  it("when a write sets a field only one side allows, then 403 field_not_allowed naming it and nothing changes", async () => {
    const site = await integration({
      username: "field-write",
      rolePermissions: [roleGrant],
      keyPermissions: [keyGrant],
    });
    const [person] = unwrap(await site.client.GET("/v1/people")).data;
    const before = await h.dataFingerprint();
    for (const [field, value] of [
      ["email", "ada@example.org"],
      ["phone", "+351 210 000 001"],
    ] as const) {
      const call = await raw(h, {
        method: "PATCH",
        path: `/v1/people/${person!.id}`,
        token: site.token,
        body: { first_name: "Ada", [field]: value },
      });
      expectProblem(call, 403, "field_not_allowed");
      expect(call.json?.fields).toEqual([field]);
    }
    expect(await h.dataFingerprint()).toBe(before);
  });
});

describe("admin-only management", () => {
  it("when an integration key calls any management endpoint, then 403 admin_required and nothing changes", async () => {
    const site = await fullAccess("would-be-admin");
    const other = await fullAccess("bystander");
    const user = `/v1/users/${other.userId}`;
    const role = `/v1/roles/${other.roleId}`;
    const key = `/v1/api-keys/${other.keyId}`;
    const requests: RawRequest[] = [
      { method: "GET", path: "/v1/users" },
      { method: "POST", path: "/v1/users", body: { username: "sneaky", name: "Sneaky" } },
      { method: "GET", path: user },
      { method: "PATCH", path: user, body: { name: "Renamed" } },
      { method: "DELETE", path: user },
      { method: "GET", path: "/v1/roles" },
      { method: "POST", path: "/v1/roles", body: { name: "sneaky-role", preset: "full_access" } },
      { method: "GET", path: role },
      { method: "PATCH", path: role, body: { description: "changed" } },
      { method: "DELETE", path: role },
      { method: "GET", path: "/v1/api-keys" },
      {
        method: "POST",
        path: "/v1/api-keys",
        body: { name: "sneaky key", user_id: site.userId, preset: "full_access" },
      },
      { method: "GET", path: key },
      { method: "PATCH", path: key, body: { active: false } },
      { method: "DELETE", path: key },
      { method: "POST", path: `${key}/rotate`, body: { grace_period_seconds: 60 } },
      { method: "POST", path: "/v1/api-keys/revoke-all", body: { confirm: "REVOKE ALL KEYS" } },
      { method: "GET", path: "/v1/settings" },
      { method: "PATCH", path: "/v1/settings", body: { features: { external_connectivity: false } } },
      { method: "GET", path: "/v1/audit-events" },
      { method: "POST", path: "/v1/keys/verify", body: { token: other.token, resource: "events", action: "read" } },
    ];
    const before = await h.dataFingerprint();
    const outcomes = [];
    for (const request of requests) {
      const response = await raw(h, { ...request, token: site.token });
      outcomes.push({
        call: `${request.method} ${request.path}`,
        status: response.status,
        code: response.json?.code,
        type: response.contentType.split(";")[0],
      });
    }
    expect(outcomes).toEqual(
      requests.map((r) => ({
        call: `${r.method} ${r.path}`,
        status: 403,
        code: "admin_required",
        type: "application/problem+json",
      })),
    );
    const viaBasic = await raw(h, {
      path: "/v1/users",
      token: null,
      headers: { authorization: basicHeader("admin", site.token) },
    });
    expectProblem(viaBasic, 403, "admin_required");
    expect(await h.dataFingerprint()).toBe(before);
    expect((await other.client.GET("/v1/events")).response.status).toBe(200);
  });

  it("when the admin token calls the business API or /v1/me, then 403 integration_key_required", async () => {
    const before = await h.dataFingerprint();
    expectProblem(await raw(h, { path: "/v1/events" }), 403, "integration_key_required");
    expectProblem(
      await raw(h, {
        method: "POST",
        path: "/v1/events",
        body: { name: "Admin event", starts_at: "2027-04-01T09:00:00Z" },
      }),
      403,
      "integration_key_required",
    );
    expectProblem(await raw(h, { path: "/v1/me" }), 403, "integration_key_required");
    expect(await h.dataFingerprint()).toBe(before);
  });
});

describe("introspection", () => {
  it("when a key reads /v1/me, then it sees its name, owner and effective (intersected) permissions", async () => {
    const site = await integration({
      username: "introspect",
      rolePermissions: [
        { resource: "events", actions: ["read"] },
        { resource: "people", actions: ["read", "update"], fields: ["first_name", "last_name", "phone"] },
        { resource: "invoices", actions: ["read"] },
      ],
      keyPermissions: [
        { resource: "events", actions: ["read", "create"] },
        { resource: "people", actions: ["read"], fields: ["first_name", "last_name", "email"] },
      ],
    });
    const me = unwrap(await site.client.GET("/v1/me"));
    const key = unwrap(await h.admin.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: site.keyId } } }));
    expect(me).toEqual({
      key: { id: site.keyId, name: "introspect key", prefix: key.prefix, expires_at: null },
      user: { id: site.userId, username: "introspect" },
      permissions: [
        { resource: "events", actions: ["read"] },
        { resource: "people", actions: ["read"], fields: ["first_name", "last_name"] },
      ],
    });
    expect(site.token.startsWith(key.prefix)).toBe(true);
  });

  describe("POST /v1/keys/verify answers 200 with the decision and a stable reason", () => {
    const verify = async (body: Record<string, unknown>) => {
      const response = await raw(h, { method: "POST", path: "/v1/keys/verify", body });
      expect(response.status).toBe(200);
      expect(response.contentType).toMatch(/^application\/json\b/);
      return response.json!;
    };
    const refusal = (reason: string, key: Integration | null = null) => ({
      allowed: false,
      reason,
      key_id: key?.keyId ?? null,
      user_id: key?.userId ?? null,
      allowed_fields: null,
    });
    const peopleGrant: PermissionGrant = {
      resource: "people",
      actions: ["read", "update"],
      fields: ["first_name", "last_name"],
    };

    it("when the token may do it, then allowed with reason ok and the allowed fields", async () => {
      const site = await integration({ username: "verify-ok", rolePermissions: [peopleGrant] });
      expect(await verify({ token: site.token, resource: "people", action: "read" })).toEqual({
        allowed: true,
        reason: "ok",
        key_id: site.keyId,
        user_id: site.userId,
        allowed_fields: ["first_name", "last_name"],
      });
    });

    it("when the token is malformed or unknown, then malformed_token / invalid_token", async () => {
      tokens.push("kw_abc");
      expect(await verify({ token: "kw_abc", resource: "events", action: "read" })).toEqual(refusal("malformed_token"));
      const site = await fullAccess("verify-flip");
      expect(await verify({ token: flipOneChar(site.token), resource: "events", action: "read" })).toEqual(
        refusal("malformed_token"),
      );
      expect(await verify({ token: fabricatedToken(), resource: "events", action: "read" })).toEqual(
        refusal("invalid_token"),
      );
    });

    it("when the key is revoked, expired or disabled, then key_revoked / key_expired / key_disabled", async () => {
      const revoked = await fullAccess("verify-revoked");
      unwrap(await h.admin.DELETE("/v1/api-keys/{key_id}", { params: { path: { key_id: revoked.keyId } } }));
      expect(await verify({ token: revoked.token, resource: "events", action: "read" })).toEqual(
        refusal("key_revoked"),
      );

      const disabled = await fullAccess("verify-disabled");
      unwrap(
        await h.admin.PATCH("/v1/api-keys/{key_id}", {
          params: { path: { key_id: disabled.keyId } },
          body: { active: false },
        }),
      );
      expect(await verify({ token: disabled.token, resource: "events", action: "read" })).toEqual(
        refusal("key_disabled"),
      );

      const expiring = await fullAccess("verify-expired", { expiresAt: daysFrom(h, 1) });
      expect(await verify({ token: expiring.token, resource: "events", action: "read" })).toMatchObject({
        allowed: true,
        reason: "ok",
      });
      h.advance(2 * DAY);
      expect(await verify({ token: expiring.token, resource: "events", action: "read" })).toEqual(
        refusal("key_expired"),
      );
    });

    it("when the owner is inactive, then owner_inactive", async () => {
      const site = await fullAccess("verify-inactive-owner");
      unwrap(
        await h.admin.PATCH("/v1/users/{user_id}", {
          params: { path: { user_id: site.userId } },
          body: { active: false },
        }),
      );
      expect(await verify({ token: site.token, resource: "events", action: "read" })).toEqual(
        refusal("owner_inactive"),
      );
    });

    it("when the action is not granted, then permission_denied with the key and user named", async () => {
      const site = await integration({ username: "verify-denied", rolePermissions: [peopleGrant] });
      expect(await verify({ token: site.token, resource: "people", action: "delete" })).toEqual(
        refusal("permission_denied", site),
      );
      expect(await verify({ token: site.token, resource: "events", action: "read" })).toEqual(
        refusal("permission_denied", site),
      );
    });

    it("when a field to write is outside the scope, then field_not_allowed naming the refused fields", async () => {
      const site = await integration({ username: "verify-fields", rolePermissions: [peopleGrant] });
      expect(
        await verify({ token: site.token, resource: "people", action: "update", fields: ["last_name"] }),
      ).toMatchObject({ allowed: true, reason: "ok" });
      expect(
        await verify({
          token: site.token,
          resource: "people",
          action: "update",
          fields: ["last_name", "email", "phone"],
        }),
      ).toEqual({
        ...refusal("field_not_allowed", site),
        refused_fields: ["email", "phone"],
      });
    });

    it("when the ip given is outside allowed_ips, then ip_not_allowed; inside, ok", async () => {
      const site = await fullAccess("verify-ip", { allowedIps: ["203.0.113.0/24"] });
      expect(await verify({ token: site.token, resource: "events", action: "read", ip: "198.51.100.7" })).toEqual(
        refusal("ip_not_allowed"),
      );
      expect(await verify({ token: site.token, resource: "events", action: "read", ip: "203.0.113.9" })).toMatchObject({
        allowed: true,
        reason: "ok",
        key_id: site.keyId,
      });
    });
  });
});

describe("secrets and the audit trail", () => {
  it("when a key is rotated with a grace period, then both tokens work until it ends, and the old one is invalid after", async () => {
    const site = await fullAccess("rotated");
    const rotated = withIssuedToken(
      unwrap(
        await h.admin.POST("/v1/api-keys/{key_id}/rotate", {
          params: { path: { key_id: site.keyId } },
          body: { grace_period_seconds: 60 },
        }),
      ),
    );
    tokens.push(rotated.token);
    expect(rotated.token).not.toBe(site.token);
    expect((await raw(h, listEvents(bearer(site.token)))).status).toBe(200);
    expect((await raw(h, listEvents(bearer(rotated.token)))).status).toBe(200);
    h.advance(61_000);
    expect401(await raw(h, listEvents(bearer(site.token))), "invalid_token");
    expect((await raw(h, listEvents(bearer(rotated.token)))).status).toBe(200);
  });

  it("when keys were refused, then GET /v1/audit-events?action=key.refused lists them with their reasons", async () => {
    await h.server.store.flush();
    const events = [];
    let cursor: string | undefined;
    do {
      const page = unwrap(
        await h.admin.GET("/v1/audit-events", {
          params: { query: { action: "key.refused", limit: 200, ...(cursor && { cursor }) } },
        }),
      );
      events.push(...page.data);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    for (const event of events) {
      expect(event).toMatchObject({
        action: "key.refused",
        reason: expect.any(String),
        request: { method: expect.any(String), path: expect.any(String) },
      });
    }
    const reasons = new Set(events.map((event) => event.reason));
    for (const reason of [
      "missing_token",
      "malformed_token",
      "invalid_token",
      "key_revoked",
      "key_expired",
      "key_disabled",
      "owner_inactive",
      "ip_not_allowed",
      "feature_disabled",
      "permission_denied",
      "field_not_allowed",
      "admin_required",
    ]) {
      expect(reasons, reason).toContain(reason);
    }
    const ipRefusal = events.find((event) => event.reason === "ip_not_allowed" && event.request?.path === "/v1/events");
    expect(ipRefusal?.request?.ip).toMatch(/127\.0\.0\.1$/);
  });

  it("when everything above has happened, then no token appears in the data file or the audit file", async () => {
    await h.server.store.flush();
    const files = await storedText(h.dataFile);
    expect(files.audit.length).toBeGreaterThan(0);
    expect(tokens.length).toBeGreaterThan(20);
    const leaks = [];
    for (const token of new Set(tokens)) {
      const secret = token.slice(token.indexOf("_") + 1, token.indexOf("_") + 31);
      for (const [name, text] of Object.entries(files)) {
        if (text.includes(token) || (secret.length === 30 && text.includes(secret))) {
          leaks.push(`${name}: ${token.slice(0, 10)}…`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });
});
