// Concurrency: many management writes at once lose nothing and number keys uniquely and without gaps; a key
// rotated while it is being verified switches over cleanly (old token until the grace period ends, new token
// at once), with no 5xx on the way.
import { unwrap } from "@keyward/sdk";
import { type Harness, type Integration, startHarness, withIssuedToken } from "@keyward/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { raw } from "./support/raw.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => expect(h.serverErrors).toEqual([]));
afterAll(() => h.close());

describe("200 concurrent key creations", () => {
  it("when 200 keys are created at once, then there are 200 keys with unique, consecutive numbers, also after a restart", async () => {
    const owner = await h.integration({ username: "many-keys", rolePreset: "events_read", keyPreset: "events_read" });
    const writesBefore = "fileWrites" in h.server.store ? h.server.store.fileWrites : 0;
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        h.admin.POST("/v1/api-keys", {
          body: { name: `bulk key ${index}`, user_id: owner.userId, preset: "events_read" },
        }),
      ),
    );
    expect(responses.map((response) => response.response.status)).toEqual(Array(200).fill(201));
    const created = responses.map((response) => withIssuedToken(unwrap(response)));
    expect(new Set(created.map((key) => key.id)).size).toBe(200);
    expect(new Set(created.map((key) => key.token)).size).toBe(200);
    const numbers = created.map((key) => key.number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(200);
    expect(numbers[199]! - numbers[0]!).toBe(199);
    // Group commit (the embedded store): far fewer file writes than acknowledged transactions.
    if ("fileWrites" in h.server.store) {
      expect(h.server.store.fileWrites - writesBefore).toBeLessThan(200);
    }

    await h.restart();
    const listed = [];
    let cursor: string | undefined;
    do {
      const page = unwrap(
        await h.admin.GET("/v1/api-keys", {
          params: { query: { user_id: owner.userId, limit: 200, ...(cursor && { cursor }) } },
        }),
      );
      listed.push(...page.data);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(listed.map((key) => key.id).sort()).toEqual([...created.map((key) => key.id), owner.keyId].sort());
    // Each new token works.
    const sample = created[137]!;
    expect((await h.clientFor(sample.token).GET("/v1/events")).response.status).toBe(200);
  });
});

describe("rotation under verification load", () => {
  let site: Integration;
  const verify = (token: string) =>
    raw(h, { method: "POST", path: "/v1/keys/verify", body: { token, resource: "events", action: "read" } });
  const useKey = (token: string) => raw(h, { path: "/v1/events?limit=1", token });

  beforeAll(async () => {
    site = await h.integration({ username: "rotating-site", rolePreset: "events_read", keyPreset: "events_read" });
  });

  it("when a key is rotated with a grace period while it is verified and used, then the old token works until the period ends and the new one at once", async () => {
    const load = Array.from({ length: 100 }, (_, index) => (index % 2 ? verify(site.token) : useKey(site.token)));
    const rotation = h.admin.POST("/v1/api-keys/{key_id}/rotate", {
      params: { path: { key_id: site.keyId } },
      body: { grace_period_seconds: 60 },
    });
    const [rotated, ...during] = await Promise.all([rotation, ...load]);
    const fresh = withIssuedToken(unwrap(rotated)).token;
    // The old token was valid before and during the rotation (grace): nothing was refused, nothing failed.
    expect(during.map((response) => response.status)).toEqual(Array(100).fill(200));
    expect(during.filter((_, index) => index % 2).every((response) => response.json?.allowed === true)).toBe(true);

    const both = await Promise.all([verify(site.token), verify(fresh), useKey(site.token), useKey(fresh)]);
    expect(both.map((response) => [response.status, response.json?.allowed ?? null])).toEqual([
      [200, true],
      [200, true],
      [200, null],
      [200, null],
    ]);

    h.advance(61_000);
    const after = await Promise.all(
      Array.from({ length: 40 }, (_, index) => (index % 2 ? verify(site.token) : useKey(site.token))),
    );
    expect(after.filter((_, index) => index % 2).map((response) => response.json?.reason)).toEqual(
      Array(20).fill("invalid_token"),
    );
    expect(
      after.filter((_, index) => index % 2 === 0).map((response) => [response.status, response.json?.code]),
    ).toEqual(Array(20).fill([401, "invalid_token"]));
    expect((await useKey(fresh)).status).toBe(200);
    expect((await verify(fresh)).json).toMatchObject({ allowed: true, reason: "ok" });
    site = { ...site, token: fresh };
  });

  it("when a key is rotated several times at once without grace, then exactly one new token works and every other one is refused", async () => {
    const load = Array.from({ length: 60 }, () => verify(site.token));
    const rotations = Array.from({ length: 5 }, () =>
      h.admin.POST("/v1/api-keys/{key_id}/rotate", { params: { path: { key_id: site.keyId } }, body: {} }),
    );
    const results = await Promise.all([...rotations, ...load]);
    const tokens = results
      .slice(0, 5)
      .map((response) => withIssuedToken(unwrap(response as Awaited<(typeof rotations)[number]>)).token);
    // Verifications during the rotations answer 200 with a decision: allowed before, invalid_token after.
    for (const response of results.slice(5) as Awaited<ReturnType<typeof verify>>[]) {
      expect(response.status).toBe(200);
      expect(["ok", "invalid_token"]).toContain(response.json?.reason);
    }
    const decisions = await Promise.all(
      [site.token, ...tokens].map(async (token) => (await verify(token)).json?.reason),
    );
    expect(decisions[0]).toBe("invalid_token");
    expect(decisions.slice(1).filter((reason) => reason === "ok")).toHaveLength(1);
    expect(decisions.slice(1).filter((reason) => reason === "invalid_token")).toHaveLength(4);
  });
});
