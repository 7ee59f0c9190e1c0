// The set-ups that real platforms' admin guides describe, end to end through the SDK.
import { unwrap } from "@keyward/sdk";
import { daysFrom, type Harness, startHarness } from "@keyward/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => expect(h.serverErrors).toEqual([]));
afterAll(() => h.close());

describe("website: dedicated user with only events:read", () => {
  it("when it lists events then 200, when it creates an event or reads people then 403", async () => {
    const site = await h.integration({
      username: "website",
      rolePermissions: [{ resource: "events", actions: ["read"] }],
    });
    const events = await site.client.GET("/v1/events");
    expect(events.response.status).toBe(200);
    expect(events.data?.data.length).toBeGreaterThan(0);

    const created = await site.client.POST("/v1/events", { body: { name: "Spam", starts_at: "2027-01-01T00:00:00Z" } });
    expect(created.response.status).toBe(403);
    expect(created.error).toMatchObject({ code: "permission_denied", missing_permission: "events:create" });

    const people = await site.client.GET("/v1/people");
    expect(people.response.status).toBe(403);
    expect(people.error?.missing_permission).toBe("people:read");
  });
});

describe("attendance scanner: attendees read+update, people read", () => {
  it("when it checks an attendee in then the attendee is checked in, when it deletes one then 403", async () => {
    const scanner = await h.integration({
      username: "scanner",
      rolePermissions: [
        { resource: "attendees", actions: ["read", "update"] },
        { resource: "people", actions: ["read"] },
      ],
    });
    const attendees = unwrap(await scanner.client.GET("/v1/attendees"));
    const first = attendees.data[0];
    expect(first?.status).toBe("registered");
    const checkedIn = unwrap(
      await scanner.client.PATCH("/v1/attendees/{record_id}", {
        params: { path: { record_id: first!.id } },
        body: { status: "checked_in" },
      }),
    );
    expect(checkedIn.status).toBe("checked_in");
    expect(checkedIn.checked_in_at).toEqual(expect.any(String));

    const person = unwrap(
      await scanner.client.GET("/v1/people/{record_id}", { params: { path: { record_id: first!.person_id! } } }),
    );
    expect(person.first_name).toEqual(expect.any(String));

    const removed = await scanner.client.DELETE("/v1/attendees/{record_id}", {
      params: { path: { record_id: first!.id } },
    });
    expect(removed.response.status).toBe(403);
    expect(removed.error?.missing_permission).toBe("attendees:delete");
  });
});

describe("calendar sync: people read limited to first_name, last_name", () => {
  it("when it reads people then objects hold only id, first_name, last_name", async () => {
    const calendar = await h.integration({
      username: "calendar",
      rolePermissions: [{ resource: "people", actions: ["read", "update"], fields: ["first_name", "last_name"] }],
    });
    const people = unwrap(await calendar.client.GET("/v1/people"));
    expect(people.data.length).toBe(4);
    for (const person of people.data) {
      expect(Object.keys(person).sort()).toEqual(["first_name", "id", "last_name"]);
    }

    const one = unwrap(
      await calendar.client.GET("/v1/people/{record_id}", { params: { path: { record_id: people.data[0]!.id } } }),
    );
    expect(Object.keys(one).sort()).toEqual(["first_name", "id", "last_name"]);
  });

  it("when a write touches a field outside the scope then 403 naming the field, and nothing changes", async () => {
    const calendar = await h.integration({
      username: "calendar-writer",
      rolePermissions: [{ resource: "people", actions: ["read", "update"], fields: ["first_name", "last_name"] }],
    });
    const [person] = unwrap(await calendar.client.GET("/v1/people")).data;
    const before = await h.dataFingerprint();
    const write = await calendar.client.PATCH("/v1/people/{record_id}", {
      params: { path: { record_id: person!.id } },
      body: { last_name: "Byron", email: "ada@byron.example" },
    });
    expect(write.response.status).toBe(403);
    expect(write.error).toMatchObject({ code: "field_not_allowed", fields: ["email"] });
    expect(await h.dataFingerprint()).toBe(before);

    const allowed = unwrap(
      await calendar.client.PATCH("/v1/people/{record_id}", {
        params: { path: { record_id: person!.id } },
        body: { last_name: "King" },
      }),
    );
    expect(allowed).toEqual({ id: person!.id, first_name: person!.first_name, last_name: "King" });
  });
});

describe("marketing tool: preset events_people_read with an expiry", () => {
  it("works before expiry, 401 after it, and 402 when external connectivity is off", async () => {
    const marketing = await h.integration({
      username: "marketing",
      rolePreset: "events_people_read",
      keyPreset: "events_people_read",
      expiresAt: daysFrom(h, 30),
    });
    expect((await marketing.client.GET("/v1/people")).response.status).toBe(200);

    unwrap(await h.admin.PATCH("/v1/settings", { body: { features: { external_connectivity: false } } }));
    const off = await marketing.client.GET("/v1/people");
    expect(off.response.status).toBe(402);
    expect(off.error?.code).toBe("feature_disabled");
    unwrap(await h.admin.PATCH("/v1/settings", { body: { features: { external_connectivity: true } } }));

    h.advance(31 * 86_400_000);
    const expired = await marketing.client.GET("/v1/people");
    expect(expired.response.status).toBe(401);
    expect(expired.error?.code).toBe("key_expired");
    expect(
      unwrap(await h.admin.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: marketing.keyId } } })).status,
    ).toBe("expired");
  });
});

describe("leak response", () => {
  it("disable → 401, re-enable → works; revoke-all → every key 401 for good; re-enabling a revoked key → 409", async () => {
    const a = await h.integration({ username: "leak-a", rolePreset: "events_read", keyPreset: "events_read" });
    const b = await h.integration({ username: "leak-b", rolePreset: "events_read", keyPreset: "events_read" });
    const keyPath = { params: { path: { key_id: a.keyId } } };

    unwrap(await h.admin.PATCH("/v1/api-keys/{key_id}", { ...keyPath, body: { active: false } }));
    const disabled = await a.client.GET("/v1/events");
    expect(disabled.response.status).toBe(401);
    expect(disabled.error?.code).toBe("key_disabled");
    unwrap(await h.admin.PATCH("/v1/api-keys/{key_id}", { ...keyPath, body: { active: true } }));
    expect((await a.client.GET("/v1/events")).response.status).toBe(200);

    const refused = await h.admin.POST("/v1/api-keys/revoke-all", { body: { confirm: "yes" as "REVOKE ALL KEYS" } });
    expect(refused.response.status).toBe(400);
    expect((await a.client.GET("/v1/events")).response.status).toBe(200);

    const revoked = unwrap(await h.admin.POST("/v1/api-keys/revoke-all", { body: { confirm: "REVOKE ALL KEYS" } }));
    expect(revoked.revoked).toBeGreaterThanOrEqual(2);
    for (const integration of [a, b]) {
      const call = await integration.client.GET("/v1/events");
      expect(call.response.status).toBe(401);
      expect(call.error?.code).toBe("key_revoked");
    }
    const reenable = await h.admin.PATCH("/v1/api-keys/{key_id}", { ...keyPath, body: { active: true } });
    expect(reenable.response.status).toBe(409);
    expect(reenable.error?.code).toBe("key_revoked");
    expect((await a.client.GET("/v1/events")).response.status).toBe(401);
    // The admin token is not an integration key and survives revoke-all.
    expect((await h.admin.GET("/v1/users")).response.status).toBe(200);
  });
});
