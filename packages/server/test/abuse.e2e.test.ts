// Abuse cases: attempts an attacker or a misbehaving integration would make, each of which must be refused
// with a 4xx (never a 5xx, never a crash), run against keyward-server as a child process with debug logs, so
// that at the end the data file, the audit log and everything the server logged can be scanned for tokens.
//
// Already covered elsewhere and not repeated here (see those files):
//   authentication.test.ts — no token, `Token x` scheme, malformed token, one character changed (bad
//     checksum), unknown well-formed key token, revoked/expired/disabled key, deactivated and deleted owner,
//     IP outside allowed_ips, empty Basic password, an integration key on each of the 21 management calls,
//     the admin token on the business API and /v1/me, field writes outside the scope;
//   bad-input.test.ts — path traversal in user and record ids and in audit target_id, a 70 kB body, bad
//     JSON, wrong content types, unknown fields and query parameters.

import { mkdtemp, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { keywardTokenChecksum as checksum, randomBase62 } from "@keyward/contract";
import { type ChildServer, startChildServer, storedText } from "@keyward/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basicHeader, type RawRequest, type RawTarget, raw } from "./support/raw.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let dir: string;
let server: ChildServer;
let target: RawTarget;
/** Every token issued or sent by this file: none may appear in the data file, the audit log or the logs. */
const tokens: string[] = [];

interface Fixture {
  userId: string;
  roleId: string;
  keyId: string;
  token: string;
}
const f: Record<string, Fixture> = {};
let expiresAt = 0;
let personId = "";

async function admin(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await raw(target, { method, path, ...(body !== undefined && { body }) });
  if (response.status >= 300) {
    throw new Error(`${method} ${path} → ${response.status} ${response.text}`);
  }
  return response.json ?? {};
}

async function integration(
  name: string,
  options: { kind?: "integration" | "person"; preset?: string; key?: Record<string, unknown> } = {},
): Promise<Fixture> {
  const role = await admin("POST", "/v1/roles", { name: `${name}-role`, preset: options.preset ?? "events_read" });
  const user = await admin("POST", "/v1/users", {
    username: name,
    name,
    kind: options.kind ?? "integration",
    role_ids: [role.id],
  });
  const key = await admin("POST", "/v1/api-keys", {
    name: `${name} key`,
    user_id: user.id,
    preset: options.preset ?? "events_read",
    ...options.key,
  });
  tokens.push(String(key.token));
  return { userId: String(user.id), roleId: String(role.id), keyId: String(key.id), token: String(key.token) };
}

function fabricated(prefix: "kw_" | "kwa_"): string {
  const body = `${prefix}${randomBase62(30)}`;
  const token = body + checksum(body);
  tokens.push(token);
  return token;
}

/** Sends bytes as they are (no client-side header checks) and returns the status of the answer. */
function rawHttp(text: string | Buffer): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = "";
    socket.setTimeout(10_000, () => socket.destroy(new Error("no answer")));
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
    });
    socket.on("error", (error) => (answer ? resolve(parse(answer)) : reject(error)));
    socket.on("close", () => resolve(parse(answer)));
    socket.end(text);
  });
  function parse(answer: string) {
    return {
      status: Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0),
      body: answer.split("\r\n\r\n").slice(1).join("\r\n\r\n"),
    };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "keyward-abuse-"));
  // Many refusals come from 127.0.0.1 here: the failed-authentication limit is tested on its own below.
  server = await startChildServer({
    dataFile: join(dir, "keyward.json"),
    args: ["--seed-demo"],
    env: { KEYWARD_LOG_LEVEL: "debug", KEYWARD_AUTH_FAILURE_LIMIT: "0" },
  });
  if (!server.adminToken) {
    throw new Error("no admin token printed");
  }
  tokens.push(server.adminToken);
  target = { url: server.url, adminToken: server.adminToken, serverErrors: [] };

  f.reader = await integration("abuse-reader");
  readerGrants = await keyGrants(f.reader);
  f.full = await integration("abuse-full", { preset: "full_access" });
  f.inactive = await integration("abuse-inactive");
  await admin("PATCH", `/v1/users/${f.inactive.userId}`, { active: false });
  f.deleted = await integration("abuse-deleted");
  await admin("DELETE", `/v1/users/${f.deleted.userId}`);
  f.contractor = await integration("abuse-contractor", { kind: "person" });
  expiresAt = Date.now() + 2_500;
  f.expiring = await integration("abuse-expiring", { key: { expires_at: new Date(expiresAt).toISOString() } });
  f.disabled = await integration("abuse-disabled", { key: { active: false } });
  f.revoked = await integration("abuse-revoked");
  await admin("DELETE", `/v1/api-keys/${f.revoked.keyId}`);
  f.rotated = await integration("abuse-rotated");
  const rotated = await admin("POST", `/v1/api-keys/${f.rotated.keyId}/rotate`, { grace_period_seconds: 0 });
  tokens.push(String(rotated.token));
  f.officeOnly = await integration("abuse-office", { key: { allowed_ips: ["203.0.113.0/24"] } });
  f.v6Only = await integration("abuse-v6", { key: { allowed_ips: ["2001:db8::/32"] } });
  const person = await admin("POST", "/v1/users", {
    username: "abuse-person",
    name: "Person without keys",
    kind: "person",
  });
  personId = String(person.id);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

interface Outcome {
  status: number;
  code?: unknown;
}

interface AbuseCase {
  name: string;
  attempt: () => Promise<Outcome>;
  /** Accepted refusals: a status, or [status, code] pairs. */
  refused: Array<number | [number, string]>;
  /** Checked after the refusal: nothing changed. */
  unchanged?: () => Promise<void>;
}

const send = async (request: RawRequest): Promise<Outcome> => {
  const response = await raw(target, request);
  return { status: response.status, code: response.json?.code };
};
const asKey =
  (fixture: () => Fixture, request: Omit<RawRequest, "token">): (() => Promise<Outcome>) =>
  () =>
    send({ ...request, token: fixture().token });
const bearer = (value: string) => ({ authorization: `Bearer ${value}` });

async function keyGrants(fixture: Fixture) {
  const key = await admin("GET", `/v1/api-keys/${fixture.keyId}`);
  return { preset: key.preset, permissions: key.permissions };
}
let readerGrants: Awaited<ReturnType<typeof keyGrants>>;

const cases: AbuseCase[] = [
  // ── scope escalation by an integration key ──────────────────────────────────────────────────────────
  {
    name: "a read-only key PATCHes its own key to full_access",
    attempt: () =>
      send({
        method: "PATCH",
        path: `/v1/api-keys/${f.reader!.keyId}`,
        body: { preset: "full_access" },
        token: f.reader!.token,
      }),
    refused: [[403, "admin_required"]],
    unchanged: async () => expect(await keyGrants(f.reader!)).toEqual(readerGrants),
  },
  {
    name: "a read-only key PATCHes its owner's role to full_access",
    attempt: () =>
      send({
        method: "PATCH",
        path: `/v1/roles/${f.reader!.roleId}`,
        body: { preset: "full_access" },
        token: f.reader!.token,
      }),
    refused: [[403, "admin_required"]],
    unchanged: async () => expect((await admin("GET", `/v1/roles/${f.reader!.roleId}`)).preset).toBe("events_read"),
  },
  {
    name: "a key PATCHes its owner to is_admin: true",
    attempt: () =>
      send({
        method: "PATCH",
        path: `/v1/users/${f.reader!.userId}`,
        body: { is_admin: true },
        token: f.reader!.token,
      }),
    refused: [[403, "admin_required"]],
    unchanged: async () => expect((await admin("GET", `/v1/users/${f.reader!.userId}`)).is_admin).toBe(false),
  },
  {
    name: "a key mints itself a second, full-access key",
    attempt: () =>
      send({
        method: "POST",
        path: "/v1/api-keys",
        body: { name: "escalated", user_id: f.reader!.userId, preset: "full_access" },
        token: f.reader!.token,
      }),
    refused: [[403, "admin_required"]],
  },
  {
    name: "a read-only key writes through the business API (POST /v1/events)",
    attempt: asKey(() => f.reader!, {
      method: "POST",
      path: "/v1/events",
      body: { name: "Injected", starts_at: "2030-01-01T00:00:00Z" },
    }),
    refused: [[403, "permission_denied"]],
  },
  {
    name: "a full-access key rewrites a record's id through PATCH",
    attempt: async () => {
      const events = (await raw(target, { path: "/v1/events?limit=1", token: f.full!.token })).json as {
        data: Array<{ id: string }>;
      };
      return send({
        method: "PATCH",
        path: `/v1/events/${events.data[0]!.id}`,
        body: { id: "evt_0000000000000000" },
        token: f.full!.token,
      });
    },
    refused: [[400, "validation_failed"]],
  },
  {
    name: "mass assignment: a key created with its own token_hash and number",
    attempt: () =>
      send({
        method: "POST",
        path: "/v1/api-keys",
        body: {
          name: "planted",
          user_id: f.reader!.userId,
          preset: "events_read",
          token_hash: "0".repeat(64),
          number: 1,
        },
      }),
    refused: [[400, "validation_failed"]],
  },
  {
    name: "prototype pollution: a user created with __proto__.is_admin",
    attempt: () =>
      send({
        method: "POST",
        path: "/v1/users",
        body: '{"username":"proto","name":"P","__proto__":{"is_admin":true}}',
      }),
    refused: [[400, "validation_failed"]],
  },
  {
    name: "prototype pollution: a business record patched with constructor.prototype",
    attempt: asKey(() => f.full!, {
      method: "PATCH",
      path: "/v1/events/evt_0000000000000000",
      body: '{"constructor":{"prototype":{"polluted":true}}}',
    }),
    refused: [[400, "validation_failed"]],
  },
  // ── keys whose owner changed ──────────────────────────────────────────────────────────────────────
  {
    name: "a user who owns keys is promoted to admin",
    attempt: () => send({ method: "PATCH", path: `/v1/users/${f.contractor!.userId}`, body: { is_admin: true } }),
    refused: [[409, "user_owns_keys"]],
    unchanged: async () => {
      expect((await admin("GET", `/v1/users/${f.contractor!.userId}`)).is_admin).toBe(false);
      expect((await send({ path: "/v1/users", token: f.contractor!.token })).status).toBe(403);
    },
  },
  {
    name: "a key is created for a person just promoted to admin",
    attempt: async () => {
      await admin("PATCH", `/v1/users/${personId}`, { is_admin: true });
      return send({
        method: "POST",
        path: "/v1/api-keys",
        body: { name: "admin's key", user_id: personId, preset: "events_read" },
      });
    },
    refused: [[409, "user_is_admin"]],
  },
  {
    name: "the key of a deactivated owner, sent as HTTP Basic",
    attempt: () =>
      send({ path: "/v1/events", token: null, headers: { authorization: basicHeader("anyone", f.inactive!.token) } }),
    refused: [[401, "owner_inactive"]],
  },
  {
    name: "the key of a deleted owner on /v1/me",
    attempt: asKey(() => f.deleted!, { path: "/v1/me" }),
    refused: [[401, "key_revoked"]],
  },
  // ── keys that are no longer valid ─────────────────────────────────────────────────────────────────
  {
    name: "an expired key on /v1/me",
    attempt: async () => {
      await sleep(Math.max(0, expiresAt + 100 - Date.now()));
      return send({ path: "/v1/me", token: f.expiring!.token });
    },
    refused: [[401, "key_expired"]],
  },
  {
    name: "a disabled key on /v1/permissions",
    attempt: asKey(() => f.disabled!, { path: "/v1/permissions" }),
    refused: [[401, "key_disabled"]],
  },
  {
    name: "a revoked key writing (POST /v1/events)",
    attempt: asKey(() => f.revoked!, {
      method: "POST",
      path: "/v1/events",
      body: { name: "Late", starts_at: "2030-01-01T00:00:00Z" },
    }),
    refused: [[401, "key_revoked"]],
  },
  {
    name: "a token rotated out without grace",
    attempt: asKey(() => f.rotated!, { path: "/v1/events" }),
    refused: [[401, "invalid_token"]],
  },
  // ── client address ────────────────────────────────────────────────────────────────────────────────
  {
    name: "a key limited to 203.0.113.0/24, with X-Forwarded-For: 203.0.113.7 (proxy not trusted)",
    attempt: () =>
      send({
        path: "/v1/events",
        token: f.officeOnly!.token,
        headers: { "x-forwarded-for": "203.0.113.7", forwarded: "for=203.0.113.7" },
      }),
    refused: [[401, "ip_not_allowed"]],
  },
  {
    name: "a key limited to an IPv6 range, from 127.0.0.1",
    attempt: asKey(() => f.v6Only!, { path: "/v1/events" }),
    refused: [[401, "ip_not_allowed"]],
  },
  // ── malformed credentials ─────────────────────────────────────────────────────────────────────────
  {
    name: "Basic credentials that are not base64",
    attempt: () => send({ path: "/v1/events", token: null, headers: { authorization: "Basic !!not-base64!!" } }),
    refused: [[401, "malformed_token"]],
  },
  {
    name: "Basic credentials without a colon (the token alone, base64)",
    attempt: () =>
      send({
        path: "/v1/events",
        token: null,
        headers: { authorization: `Basic ${Buffer.from(f.reader!.token).toString("base64")}` },
      }),
    refused: [[401, "missing_token"]],
  },
  {
    name: "Basic with the token as the username and an empty password",
    attempt: () =>
      send({ path: "/v1/events", token: null, headers: { authorization: basicHeader(f.reader!.token, "") } }),
    refused: [[401, "missing_token"]],
  },
  {
    name: "Bearer with a valid token followed by a second value",
    attempt: () => send({ path: "/v1/events", token: null, headers: bearer(`${f.reader!.token} ${f.full!.token}`) }),
    refused: [[401, "malformed_token"]],
  },
  {
    name: "a valid token in lower case (checksum no longer matches)",
    attempt: () => send({ path: "/v1/events", token: null, headers: bearer(f.reader!.token.toLowerCase()) }),
    refused: [[401, "malformed_token"]],
  },
  {
    name: "a key token relabelled as an admin token (kw_ → kwa_)",
    attempt: () => send({ path: "/v1/users", token: null, headers: bearer(f.full!.token.replace(/^kw_/, "kwa_")) }),
    refused: [[401, "malformed_token"]],
  },
  {
    name: "an admin token of the right shape and checksum that was never issued",
    attempt: () => send({ path: "/v1/users", token: null, headers: bearer(fabricated("kwa_")) }),
    refused: [[401, "invalid_token"]],
  },
  {
    name: "a valid token in the query string instead of the Authorization header",
    attempt: () => send({ path: `/v1/events?access_token=${f.reader!.token}`, token: null }),
    refused: [[401, "missing_token"]],
  },
  {
    name: "a valid token in a cookie",
    attempt: () => send({ path: "/v1/events", token: null, headers: { cookie: `token=${f.reader!.token}` } }),
    refused: [[401, "missing_token"]],
  },
  {
    name: "two Authorization headers, a junk one first",
    attempt: async () => {
      const answer = await rawHttp(
        `GET /v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer junk\r\nAuthorization: Bearer ${server.adminToken}\r\nConnection: close\r\n\r\n`,
      );
      return { status: answer.status };
    },
    refused: [401],
  },
  // ── ids and paths ─────────────────────────────────────────────────────────────────────────────────
  {
    name: "an encoded path traversal as a key id (rotate ..%2F..%2Fsettings)",
    attempt: () => send({ method: "POST", path: "/v1/api-keys/..%2F..%2Fsettings/rotate", body: {} }),
    refused: [400, 404],
  },
  {
    name: "a dot-dot role id sent literally (/v1/roles/../settings)",
    attempt: async () => ({
      status: (
        await rawHttp(
          `PATCH /v1/roles/../settings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${server.adminToken}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
        )
      ).status,
    }),
    refused: [400, 404],
  },
  {
    name: "a key id with a NUL byte (%00)",
    attempt: () => send({ path: "/v1/api-keys/key_%00000000000000000" }),
    refused: [[400, "validation_failed"]],
  },
  // ── bodies ────────────────────────────────────────────────────────────────────────────────────────
  {
    name: "a 10 MB body",
    attempt: () =>
      send({
        method: "POST",
        path: "/v1/roles",
        body: `{"name":"big","description":"${"x".repeat(10 * 1024 * 1024)}","preset":"events_read"}`,
      }),
    refused: [[413, "payload_too_large"]],
  },
  {
    name: "a 10 MB body with no token (refused before it is read)",
    attempt: () =>
      send({ method: "POST", path: "/v1/events", token: null, body: `{"name":"${"x".repeat(10 * 1024 * 1024)}"}` }),
    refused: [[401, "missing_token"]],
  },
  {
    name: "100 000 nested arrays",
    attempt: asKey(() => f.full!, {
      method: "POST",
      path: "/v1/events",
      body: `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
    }),
    refused: [
      [400, "invalid_json"],
      [400, "validation_failed"],
      [413, "payload_too_large"],
    ],
  },
  {
    name: "30 000 nested arrays inside the 64 kB limit",
    attempt: asKey(() => f.full!, {
      method: "POST",
      path: "/v1/events",
      body: `{"name":${"[".repeat(30_000)}${"]".repeat(30_000)}}`,
    }),
    refused: [
      [400, "invalid_json"],
      [400, "validation_failed"],
    ],
  },
  {
    name: "10 000 nested objects inside the 64 kB limit (management)",
    attempt: () => send({ method: "POST", path: "/v1/roles", body: `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}` }),
    refused: [
      [400, "invalid_json"],
      [400, "validation_failed"],
    ],
  },
  // ── headers ───────────────────────────────────────────────────────────────────────────────────────
  {
    name: "a bare CR inside a header value (header injection)",
    attempt: async () => ({
      status: (
        await rawHttp(
          `GET /v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${server.adminToken}\rX-Injected: 1\r\nConnection: close\r\n\r\n`,
        )
      ).status,
    }),
    refused: [400],
  },
  {
    name: "a NUL byte inside the Authorization header",
    attempt: async () => ({
      status: (
        await rawHttp(
          Buffer.from(
            `GET /v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${server.adminToken}\0\r\nConnection: close\r\n\r\n`,
            "latin1",
          ),
        )
      ).status,
    }),
    refused: [400, 401],
  },
  {
    name: "an 8 kB Authorization header",
    attempt: () => send({ path: "/v1/users", token: null, headers: bearer(`kw_${"A".repeat(8 * 1024)}`) }),
    refused: [[401, "malformed_token"]],
  },
  {
    name: "a 64 kB Authorization header (beyond the header size limit)",
    attempt: async () => ({
      status: (
        await rawHttp(
          `GET /v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer kw_${"A".repeat(64 * 1024)}\r\nConnection: close\r\n\r\n`,
        )
      ).status,
    }),
    refused: [431],
  },
];

describe("abuse: every attempt is refused with a 4xx, never a 5xx", () => {
  it("has at least 30 attempts", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const attempt of cases) {
    it(`when ${attempt.name}, then it is refused`, async () => {
      const outcome = await attempt.attempt();
      const accepted = attempt.refused.some((refusal) =>
        typeof refusal === "number"
          ? outcome.status === refusal
          : outcome.status === refusal[0] && outcome.code === refusal[1],
      );
      expect(
        accepted,
        `got ${outcome.status} ${String(outcome.code ?? "")}, want one of ${JSON.stringify(attempt.refused)}`,
      ).toBe(true);
      await attempt.unchanged?.();
      expect((await raw(target, { path: "/v1/health", token: null })).status).toBe(200);
    }, 30_000);
  }

  it("when all attempts are over, then the server never answered 5xx nor logged an error, and the legitimate key still works", async () => {
    expect(target.serverErrors).toEqual([]);
    expect(
      server
        .stderr()
        .split("\n")
        .filter((line) => /"level":(50|60)/.test(line)),
    ).toEqual([]);
    expect((await send({ path: "/v1/events", token: f.reader!.token })).status).toBe(200);
  });
});

describe("secrets: after the whole abuse run, no issued token appears anywhere the server writes", () => {
  it("when the data file, the audit log and the debug-level logs are scanned, then no token (plain or in Basic form) is found", async () => {
    await server.stop("SIGTERM");
    const files = { ...(await storedText(join(dir, "keyward.json"))), logs: server.stderr() };
    expect(files.audit.length).toBeGreaterThan(0);
    expect(files.logs).toContain('"msg":"request"');
    expect(tokens.length).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const token of new Set(tokens)) {
      const forms = [token, token.slice(3, -6), Buffer.from(`anyone:${token}`).toString("base64")];
      for (const [name, text] of Object.entries(files)) {
        if (forms.some((form) => text.includes(form))) {
          leaks.push(`${token.slice(0, 8)}… in ${name}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  }, 30_000);
});
