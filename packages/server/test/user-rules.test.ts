// Integration users (openapi.yaml, tag "Users"): one dedicated integration user per integration, never an administrator.
import { unwrap } from "@keyward/sdk";
import { type Harness, startHarness, withIssuedToken } from "@keyward/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => expect(h.serverErrors).toEqual([]));
afterAll(() => h.close());

describe("user rules", () => {
  it("when an integration user is created as admin, then 409 integration_user_cannot_be_admin and nothing is stored", async () => {
    const before = await h.dataFingerprint();
    const result = await h.admin.POST("/v1/users", {
      body: { username: "crm", name: "CRM", kind: "integration", is_admin: true },
    });
    expect(result.response.status).toBe(409);
    expect(result.error?.code).toBe("integration_user_cannot_be_admin");
    expect(await h.dataFingerprint()).toBe(before);
  });

  it("when an integration user is promoted to admin, then 409", async () => {
    const user = unwrap(await h.admin.POST("/v1/users", { body: { username: "crm-sync", name: "CRM" } }));
    const result = await h.admin.PATCH("/v1/users/{user_id}", {
      params: { path: { user_id: user.id } },
      body: { is_admin: true },
    });
    expect(result.response.status).toBe(409);
    expect(result.error?.code).toBe("integration_user_cannot_be_admin");
  });

  it("when a key is created for an admin user, then 409 user_is_admin", async () => {
    const admin = unwrap(
      await h.admin.POST("/v1/users", { body: { username: "ops-admin", name: "Ops", kind: "person", is_admin: true } }),
    );
    const result = await h.admin.POST("/v1/api-keys", {
      body: { name: "nope", user_id: admin.id, preset: "events_read" },
    });
    expect(result.response.status).toBe(409);
    expect(result.error?.code).toBe("user_is_admin");
  });

  it("when a person who owns keys is promoted to admin, then 409 user_owns_keys; after revoking them it works", async () => {
    const person = unwrap(
      await h.admin.POST("/v1/users", { body: { username: "jane", name: "Jane", kind: "person" } }),
    );
    const key = unwrap(
      await h.admin.POST("/v1/api-keys", {
        body: { name: "jane's script", user_id: person.id, preset: "events_read" },
      }),
    );
    const path = { params: { path: { user_id: person.id } } };
    const refused = await h.admin.PATCH("/v1/users/{user_id}", { ...path, body: { is_admin: true } });
    expect(refused.response.status).toBe(409);
    expect(refused.error?.code).toBe("user_owns_keys");
    expect(refused.error?.detail).toContain("1 API key");

    unwrap(await h.admin.DELETE("/v1/api-keys/{key_id}", { params: { path: { key_id: key.id } } }));
    expect(unwrap(await h.admin.PATCH("/v1/users/{user_id}", { ...path, body: { is_admin: true } })).is_admin).toBe(
      true,
    );
  });

  it("when a user is deleted, then the response counts its revoked keys and they fail with 401", async () => {
    const site = await h.integration({ username: "to-delete", rolePreset: "events_read", keyPreset: "events_read" });
    const second = withIssuedToken(
      unwrap(
        await h.admin.POST("/v1/api-keys", { body: { name: "second", user_id: site.userId, preset: "events_read" } }),
      ),
    );
    expect((await site.client.GET("/v1/events")).response.status).toBe(200);

    const deleted = unwrap(await h.admin.DELETE("/v1/users/{user_id}", { params: { path: { user_id: site.userId } } }));
    expect(deleted).toEqual({ id: site.userId, revoked_keys: 2 });
    for (const token of [site.token, second.token]) {
      const call = await h.clientFor(token).GET("/v1/events");
      expect(call.response.status).toBe(401);
      expect(call.error?.code).toBe("key_revoked");
    }
    expect(
      (await h.admin.GET("/v1/users/{user_id}", { params: { path: { user_id: site.userId } } })).response.status,
    ).toBe(404);
  });

  it("when a user is deactivated, then its keys fail with 401 owner_inactive until it is reactivated", async () => {
    const site = await h.integration({ username: "paused", rolePreset: "events_read", keyPreset: "events_read" });
    const path = { params: { path: { user_id: site.userId } } };
    unwrap(await h.admin.PATCH("/v1/users/{user_id}", { ...path, body: { active: false } }));
    const call = await site.client.GET("/v1/events");
    expect(call.response.status).toBe(401);
    expect(call.error?.code).toBe("owner_inactive");
    unwrap(await h.admin.PATCH("/v1/users/{user_id}", { ...path, body: { active: true } }));
    expect((await site.client.GET("/v1/events")).response.status).toBe(200);
  });

  it("when a role is still assigned, then deleting it is 409 role_in_use; unassigned, it is deleted", async () => {
    const site = await h.integration({ username: "role-holder", rolePreset: "events_read", keyPreset: "events_read" });
    const rolePath = { params: { path: { role_id: site.roleId } } };
    const refused = await h.admin.DELETE("/v1/roles/{role_id}", rolePath);
    expect(refused.response.status).toBe(409);
    expect(refused.error?.code).toBe("role_in_use");
    expect(refused.error?.detail).toContain("role-holder");

    unwrap(
      await h.admin.PATCH("/v1/users/{user_id}", {
        params: { path: { user_id: site.userId } },
        body: { role_ids: [] },
      }),
    );
    expect((await h.admin.DELETE("/v1/roles/{role_id}", rolePath)).response.status).toBe(204);
    // Without roles the key grants nothing: a key never exceeds its user.
    expect((await site.client.GET("/v1/events")).response.status).toBe(403);
  });

  it("when the last active admin would be demoted, deactivated or deleted, then 409 last_admin", async () => {
    const me = unwrap(await h.admin.GET("/v1/users", { params: { query: { kind: "person" } } })).data.find(
      (u) => u.username === "admin",
    );
    expect(me).toBeDefined();
    const others = unwrap(await h.admin.GET("/v1/users")).data.filter((u) => u.is_admin && u.username !== "admin");
    for (const other of others) {
      unwrap(
        await h.admin.PATCH("/v1/users/{user_id}", {
          params: { path: { user_id: other.id } },
          body: { is_admin: false },
        }),
      );
    }
    const path = { params: { path: { user_id: me!.id } } };
    for (const body of [{ is_admin: false }, { active: false }]) {
      const result = await h.admin.PATCH("/v1/users/{user_id}", { ...path, body });
      expect(result.error?.code).toBe("last_admin");
    }
    expect((await h.admin.DELETE("/v1/users/{user_id}", path)).error?.code).toBe("last_admin");
  });

  it("when users are listed with filters and pages, then every user is seen once", async () => {
    for (let i = 0; i < 5; i++) {
      unwrap(await h.admin.POST("/v1/users", { body: { username: `paged-${i}`, name: `Paged ${i}` } }));
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = unwrap(
        await h.admin.GET("/v1/users", {
          params: { query: { kind: "integration", limit: 2, ...(cursor && { cursor }) } },
        }),
      );
      seen.push(...page.data.map((u) => u.username));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(["paged-0", "paged-4"]));
    expect(seen).not.toContain("admin");
  });
});
