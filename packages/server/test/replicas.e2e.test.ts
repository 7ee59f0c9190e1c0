// Two real keyward-server processes on one PostgreSQL database, as behind a load balancer. A change made through
// one replica reaches the other within a second; numbers and usernames stay unique across them; a database
// outage fails closed past the staleness bound and heals without a restart; a SIGKILLed replica loses nothing
// it acknowledged. The cluster is this file's own (it gets stopped), on its own port.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ChildServer, type PostgresCluster, startChildServer, startPostgres } from "@keyward/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MAX_STALENESS_S = 3;

let cluster: PostgresCluster;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "keyward-replicas-"));
  // Directly under the temp dir: the `postgres` user must be able to reach it.
  cluster = await startPostgres({
    port: 55500 + (process.pid % 400),
    root: join(tmpdir(), `keyward-pg-replicas-${process.pid}`),
  });
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
  await rm(dir, { recursive: true, force: true });
  if (cluster) {
    await rm(cluster.root, { recursive: true, force: true });
  }
});

interface Replicas {
  a: ChildServer;
  b: ChildServer;
  adminToken: string;
  stop(): Promise<void>;
}

async function startReplicas(name: string): Promise<Replicas> {
  const databaseUrl = await cluster.createDatabase(`kw_${name}`);
  const env = (replica: string) => ({
    KEYWARD_DATABASE_URL: databaseUrl,
    KEYWARD_REPLICA_NAME: `keyward-${replica}`,
    KEYWARD_AUTH_FAILURE_LIMIT: "0",
  });
  const args = ["--max-staleness", String(MAX_STALENESS_S)];
  const a = await startChildServer({ dataFile: join(dir, `${name}-a.json`), args, env: env("a") });
  const b = await startChildServer({ dataFile: join(dir, `${name}-b.json`), args, env: env("b") });
  if (!a.adminToken || b.adminToken) {
    throw new Error("the first replica should bootstrap the admin token, the second find it");
  }
  return { a, b, adminToken: a.adminToken, stop: async () => void (await Promise.all([a.stop(), b.stop()])) };
}

interface Reply {
  status: number;
  json: Record<string, unknown>;
  headers: Headers;
}

async function call(server: ChildServer, token: string, method: string, path: string, body?: unknown): Promise<Reply> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { "content-type": "application/json" }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: response.headers,
  };
}

/** Polls until `check` holds; returns how long it took (ms), or fails after `withinMs`. */
async function within(withinMs: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) {
      return performance.now() - started;
    }
    if (performance.now() - started > withinMs) {
      throw new Error(`${what}: not within ${withinMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function integration(r: Replicas, on: ChildServer, username: string) {
  const role = await call(on, r.adminToken, "POST", "/v1/roles", { name: `${username}-role`, preset: "full_access" });
  expect(role.status).toBe(201);
  const user = await call(on, r.adminToken, "POST", "/v1/users", {
    username,
    name: username,
    kind: "integration",
    role_ids: [role.json.id],
  });
  expect(user.status).toBe(201);
  const key = await call(on, r.adminToken, "POST", "/v1/api-keys", {
    name: `${username} key`,
    user_id: user.json.id,
    preset: "full_access",
  });
  expect(key.status).toBe(201);
  return { userId: String(user.json.id), keyId: String(key.json.id), token: String(key.json.token) };
}

const useKey = (server: ChildServer, token: string) => call(server, token, "GET", "/v1/events?limit=1");

/** Key verification for another service: answered from the replica's memory, never from the database. */
const verify = (r: Replicas, server: ChildServer, token: string) =>
  call(server, r.adminToken, "POST", "/v1/keys/verify", { token, resource: "events", action: "read" });

describe("two replicas on one database: propagation", () => {
  let r: Replicas;
  beforeAll(async () => {
    r = await startReplicas("propagation");
  }, 120_000);
  afterAll(() => r?.stop());

  it("when a key is created through replica A, then it works on replica B within 1 s", async () => {
    const site = await integration(r, r.a, "created-on-a");
    await within(1000, "key usable on B", async () => (await useKey(r.b, site.token)).status === 200);
  });

  const refusals: Array<[string, (site: Awaited<ReturnType<typeof integration>>) => Promise<Reply>, string]> = [
    [
      "disabled",
      (site) => call(r.a, r.adminToken, "PATCH", `/v1/api-keys/${site.keyId}`, { active: false }),
      "key_disabled",
    ],
    ["revoked", (site) => call(r.a, r.adminToken, "DELETE", `/v1/api-keys/${site.keyId}`), "key_revoked"],
    [
      "revoked with revoke-all",
      () => call(r.a, r.adminToken, "POST", "/v1/api-keys/revoke-all", { confirm: "REVOKE ALL KEYS" }),
      "key_revoked",
    ],
    [
      "owner deactivated",
      (site) => call(r.a, r.adminToken, "PATCH", `/v1/users/${site.userId}`, { active: false }),
      "owner_inactive",
    ],
    ["owner deleted", (site) => call(r.a, r.adminToken, "DELETE", `/v1/users/${site.userId}`), "key_revoked"],
  ];
  for (const [change, act, code] of refusals) {
    it(`when a key is ${change} through replica A, then replica B refuses it (${code}) within 1 s`, async () => {
      const site = await integration(r, r.a, `refused-${change.replaceAll(" ", "-")}`);
      await within(1000, "key usable on B", async () => (await useKey(r.b, site.token)).status === 200);
      const done = await act(site);
      expect(done.status, JSON.stringify(done.json)).toBeLessThan(300);
      const took = await within(
        1000,
        `${change} refused on B`,
        async () => (await useKey(r.b, site.token)).status === 401,
      );
      expect((await useKey(r.b, site.token)).json.code).toBe(code);
      expect(took).toBeLessThan(1000);
    });
  }

  it("when keys and users are created concurrently through both replicas, then key numbers are unique and gapless and usernames unique", async () => {
    const owner = await integration(r, r.a, "many-keys-owner");
    const before = await call(r.a, r.adminToken, "GET", `/v1/api-keys/${owner.keyId}`);
    const creations = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        call(index % 2 ? r.a : r.b, r.adminToken, "POST", "/v1/api-keys", {
          name: `spread ${index}`,
          user_id: owner.userId,
          preset: "events_read",
        }),
      ),
    );
    expect(creations.map((reply) => reply.status)).toEqual(Array(60).fill(201));
    const numbers = creations.map((reply) => Number(reply.json.number)).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 60 }, (_, index) => Number(before.json.number) + 1 + index));

    const sameName = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        call(index % 2 ? r.a : r.b, r.adminToken, "POST", "/v1/users", {
          username: "only-one",
          name: "Only one",
          kind: "integration",
        }),
      ),
    );
    expect(sameName.filter((reply) => reply.status === 201)).toHaveLength(1);
    expect(sameName.filter((reply) => reply.status === 409).map((reply) => reply.json.code)).toEqual(
      Array(9).fill("username_taken"),
    );
  }, 60_000);
});

describe("two replicas on one database: the database goes away and comes back", () => {
  let r: Replicas;
  beforeAll(async () => {
    r = await startReplicas("outage");
  }, 120_000);
  afterAll(async () => {
    await cluster.start();
    await r?.stop();
  });

  it("when PostgreSQL stops, then writes answer 503, verification serves from memory until the bound and then answers 503; after a restart both recover", async () => {
    const site = await integration(r, r.a, "outage-site");
    await within(1000, "key usable on B", async () => (await useKey(r.b, site.token)).status === 200);
    expect((await call(r.b, r.adminToken, "GET", "/v1/health")).json).toMatchObject({ store: "postgres", ready: true });

    await cluster.stop();
    const stoppedAt = performance.now();
    const write = await call(r.a, r.adminToken, "POST", "/v1/roles", { name: "during-outage", preset: "events_read" });
    expect(write.status).toBe(503);
    expect(write.json.code).toBe("store_unavailable");
    expect(write.headers.get("retry-after")).toBe("1");
    // Within the bound, B keeps verifying from memory.
    expect((await verify(r, r.b, site.token)).json).toMatchObject({ allowed: true });
    // Past it, B fails closed.
    await within(
      MAX_STALENESS_S * 1000 + 2000,
      "verification refused past the bound",
      async () => (await verify(r, r.b, site.token)).status === 503,
    );
    expect(performance.now() - stoppedAt).toBeGreaterThan(MAX_STALENESS_S * 1000 - 500);
    const refused = await verify(r, r.b, site.token);
    expect(refused.json.code).toBe("store_unavailable");
    expect(refused.headers.get("retry-after")).toBe("1");
    expect((await useKey(r.b, site.token)).status).toBe(503);
    expect((await call(r.b, r.adminToken, "GET", "/v1/health")).json).toMatchObject({ ready: false });

    await cluster.start();
    await within(10_000, "B verifies again", async () => (await verify(r, r.b, site.token)).json.allowed === true);
    await within(
      10_000,
      "A writes again",
      async () =>
        (await call(r.a, r.adminToken, "POST", "/v1/roles", { name: "after-outage", preset: "events_read" })).status ===
        201,
    );
    // Nothing half-written: the refused write never happened.
    const roles = await call(r.b, r.adminToken, "GET", "/v1/roles?limit=200");
    const names = (roles.json.data as Array<{ name: string }>).map((role) => role.name);
    expect(names).not.toContain("during-outage");
    await within(1000, "the role created after the outage reaches B", async () =>
      ((await call(r.b, r.adminToken, "GET", "/v1/roles?limit=200")).json.data as Array<{ name: string }>).some(
        (role) => role.name === "after-outage",
      ),
    );
  }, 60_000);
});

describe("two replicas on one database: a replica is killed mid-write", () => {
  let r: Replicas;
  beforeAll(async () => {
    r = await startReplicas("sigkill");
  }, 120_000);
  afterAll(() => r?.stop());

  it("when replica A is SIGKILLed during concurrent writes, then every write it acknowledged is present and whole on B", async () => {
    const owner = await integration(r, r.b, "sigkill-owner");
    const acked: Array<{ id: string; number: number; name: string }> = [];
    let killed = false;
    const writer = async (worker: number) => {
      for (let index = 0; !killed || index < 3; index++) {
        const reply = await call(r.a, r.adminToken, "POST", "/v1/api-keys", {
          name: `w${worker}-${index}`,
          user_id: owner.userId,
          preset: "events_read",
        }).catch(() => null);
        if (!reply) {
          return;
        }
        if (reply.status === 201) {
          acked.push({ id: String(reply.json.id), number: Number(reply.json.number), name: String(reply.json.name) });
        }
      }
    };
    const writers = Array.from({ length: 6 }, (_, worker) => writer(worker));
    await within(10_000, "writes flowing", async () => acked.length >= 10);
    await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 200)));
    await r.a.stop("SIGKILL");
    killed = true;
    await Promise.all(writers);
    expect(acked.length).toBeGreaterThan(10);
    for (const key of acked) {
      const stored = await call(r.b, r.adminToken, "GET", `/v1/api-keys/${key.id}`);
      expect(stored.status).toBe(200);
      expect(stored.json).toMatchObject({ id: key.id, number: key.number, name: key.name, status: "active" });
    }
    // Numbers stay gapless across the kill: every number belongs to a committed key, acknowledged or not.
    const numbers: number[] = [];
    for (let cursor: unknown = null, first = true; first || cursor; first = false) {
      const page = await call(
        r.b,
        r.adminToken,
        "GET",
        `/v1/api-keys?user_id=${owner.userId}&limit=100${cursor ? `&cursor=${String(cursor)}` : ""}`,
      );
      numbers.push(...(page.json.data as Array<{ number: number }>).map((key) => key.number));
      cursor = page.json.next_cursor;
    }
    numbers.sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, index) => numbers[0]! + index));
    expect(numbers.length).toBeGreaterThanOrEqual(acked.length + 1);
  }, 60_000);
});
