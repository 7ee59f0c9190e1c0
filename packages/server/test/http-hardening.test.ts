// HTTP hardening: failed authentication rate-limited per client address (429 + Retry-After), security
// headers, CORS closed unless origins are listed, 405 with Allow for undeclared methods. That the options reach
// the bin through the environment is checked on a child process (http-hardening.e2e.test.ts).
import { generateKeywardToken } from "@keyward/contract";
import { type Harness, startHarness } from "@keyward/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFromHeader } from "../src/http/auth.js";
import { AuthFailureLimiter, clientKey, DEFAULT_AUTH_FAILURE_LIMIT } from "../src/http/auth-failure-limit.js";
import { parseOrigin } from "../src/http/cors.js";
import { type RawResponse, raw } from "./support/raw.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Well-formed (checksum right) but issued by nobody: a guess, which the limit counts. */
const bad = generateKeywardToken("key");

function expectProblem(response: RawResponse, status: number, code: string) {
  expect({ status: response.status, code: response.json?.code, type: response.contentType.split(";")[0] }).toEqual({
    status,
    code,
    type: "application/problem+json",
  });
}

describe("failed authentications never lock out valid credentials", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ authFailureLimit: DEFAULT_AUTH_FAILURE_LIMIT });
  });
  afterAll(() => h.close());

  it("when one address sends 100 bad tokens under the default limit, then a valid integration key and a valid management token from it both get 200, and the next bad token 429", async () => {
    const integration = await h.integration({
      username: "behind-the-nat",
      keyPreset: "events_read",
      rolePreset: "events_read",
    });
    const statuses = new Map<number, number>();
    for (let i = 0; i < 100; i++) {
      const status = (
        await raw(h, { path: i % 2 ? "/v1/events" : "/v1/users", token: i % 3 ? bad : generateKeywardToken("admin") })
      ).status;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({
      401: DEFAULT_AUTH_FAILURE_LIMIT.max,
      429: 100 - DEFAULT_AUTH_FAILURE_LIMIT.max,
    });
    expect((await raw(h, { path: "/v1/events", token: integration.token })).status).toBe(200);
    expect((await raw(h, { path: "/v1/users" })).status).toBe(200);
    expectProblem(await raw(h, { path: "/v1/users", token: bad }), 429, "rate_limited");
    expect(h.serverErrors).toEqual([]);
  });
});

describe("failed authentication is rate-limited per client address", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ authFailureLimit: { max: 5, windowMs: 1_500 } });
  });
  afterAll(() => h.close());

  it("when an address fails 5 times, then its further failures get 429 with Retry-After until the window ends", async () => {
    // Successful requests are not counted.
    for (let i = 0; i < 30; i++) {
      expect((await raw(h, { path: "/v1/settings" })).status).toBe(200);
    }
    for (let i = 0; i < 5; i++) {
      expectProblem(await raw(h, { path: "/v1/events", token: bad }), 401, "invalid_token");
    }
    // Valid tokens from the same address are checked first and keep working.
    expect((await raw(h, { path: "/v1/settings" })).status).toBe(200);
    const limited = await raw(h, { path: "/v1/events", token: bad });
    expectProblem(limited, 429, "rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(2);
    // A wrong guess while blocked tells nothing more than 429, whatever token it tries.
    expectProblem(await raw(h, { path: "/v1/settings", token: generateKeywardToken("admin") }), 429, "rate_limited");
    // A missing or malformed token is no guess (it can never be right): still 401, never counted.
    expectProblem(await raw(h, { path: "/v1/settings", token: null }), 401, "missing_token");
    expectProblem(
      await raw(h, { path: "/v1/settings", token: "kw_thisIsNotAValidTokenAtAll000000000000" }),
      401,
      "malformed_token",
    );
    // Operations that need no token are not affected.
    expect((await raw(h, { path: "/v1/health", token: null })).status).toBe(200);
    await sleep(1_600);
    expect((await raw(h, { path: "/v1/settings" })).status).toBe(200);
    expect(h.serverErrors).toEqual([]);
  });
});

describe("AuthFailureLimiter", () => {
  it("when the window passes, then the address may try again", () => {
    let now = 0;
    const limiter = new AuthFailureLimiter({ max: 2, windowMs: 1000 }, () => now);
    limiter.recordFailure("10.0.0.1");
    expect(limiter.retryAfter("10.0.0.1")).toBe(0);
    limiter.recordFailure("10.0.0.1");
    expect(limiter.retryAfter("10.0.0.1")).toBe(1);
    expect(limiter.retryAfter("10.0.0.2")).toBe(0);
    now = 1000;
    expect(limiter.retryAfter("10.0.0.1")).toBe(0);
    expect(limiter.size).toBe(0);
  });

  it("when 100 000 distinct addresses fail, then at most maxEntries are tracked", () => {
    let now = 0;
    const limiter = new AuthFailureLimiter({ max: 20, windowMs: 60_000, maxEntries: 1000 }, () => now++);
    for (let i = 0; i < 100_000; i++) {
      limiter.recordFailure(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    }
    expect(limiter.size).toBeLessThanOrEqual(1000);
  });

  it("when max is 0, then nothing is limited or tracked", () => {
    const limiter = new AuthFailureLimiter({ max: 0, windowMs: 60_000 });
    for (let i = 0; i < 100; i++) {
      limiter.recordFailure("10.0.0.1");
    }
    expect(limiter.retryAfter("10.0.0.1")).toBe(0);
    expect(limiter.size).toBe(0);
  });

  it("groups IPv6 clients by /64 and IPv4-mapped clients with their IPv4 address", () => {
    expect(clientKey("2001:db8:1:2:aaaa::1")).toBe(clientKey("2001:db8:1:2:bbbb::9"));
    expect(clientKey("2001:db8:1:2::1")).not.toBe(clientKey("2001:db8:1:3::1"));
    expect(clientKey("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(clientKey(undefined)).toBe("unknown");
  });
});

describe("tokenFromHeader", () => {
  it.each([
    ["Bearer kw_abc", "kw_abc"],
    ["bearer   kw_abc  ", "kw_abc"],
    ["Bearer kw_abc kw_def", "kw_abc kw_def"],
    ["Bearer", undefined],
    [`Basic ${Buffer.from("user:kw_abc").toString("base64")}`, "kw_abc"],
    [`Basic ${Buffer.from("kw_abc").toString("base64")}`, undefined],
    ["Basic !!!", "!!!"],
    ["Token kw_abc", undefined],
  ])("%j → %j", (header, token) => {
    expect(tokenFromHeader(header)).toBe(token);
  });
});

describe("security headers and CORS", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ corsOrigins: ["https://Admin.Example:443/"] });
  });
  afterAll(() => h.close());

  const hardened = (response: RawResponse) => ({
    nosniff: response.headers.get("x-content-type-options"),
    referrer: response.headers.get("referrer-policy"),
    frame: response.headers.get("x-frame-options"),
    cache: response.headers.get("cache-control"),
    csp: response.headers.get("content-security-policy"),
  });
  const API = {
    nosniff: "nosniff",
    referrer: "no-referrer",
    frame: "DENY",
    cache: "no-store",
    csp: expect.stringMatching(/^default-src 'none';.*frame-ancestors 'none'/),
  };

  it("when management, token-carrying, refused and business responses are sent, then each has the API security headers and no-store", async () => {
    const site = await h.integration({ username: "headers-site", rolePreset: "events_read", keyPreset: "events_read" });
    const created = await raw(h, {
      method: "POST",
      path: "/v1/api-keys",
      body: { name: "headers", user_id: site.userId, preset: "events_read" },
    });
    expect(created.json?.token).toMatch(/^kw_/);
    const rotated = await raw(h, { method: "POST", path: `/v1/api-keys/${site.keyId}/rotate`, body: {} });
    const responses = [
      await raw(h, { path: "/v1/users" }),
      created,
      rotated,
      await raw(h, { path: "/v1/events", token: null }),
      await raw(h, { path: "/v1/events", token: String(rotated.json?.token) }),
    ];
    for (const response of responses) {
      expect(hardened(response)).toEqual(API);
    }
    expect(h.serverErrors).toEqual([]);
  });

  it("when /docs is served, then its CSP allows only same-origin scripts and styles (Swagger UI) and still no framing", async () => {
    const page = await raw(h, { path: "/docs", token: null });
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect((await raw(h, { path: "/docs/assets/swagger-ui-bundle.js", token: null })).status).toBe(200);
  });

  it("when an origin that is not listed calls, then no Access-Control-Allow-Origin is sent and its preflight is refused", async () => {
    const simple = await raw(h, { path: "/v1/users", headers: { origin: "https://evil.example" } });
    expect(simple.status).toBe(200);
    expect(simple.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await raw(h, {
      method: "OPTIONS",
      path: "/v1/users",
      token: null,
      headers: {
        origin: "https://evil.example",
        "access-control-request-method": "GET",
        "access-control-request-headers": "authorization",
      },
    });
    expectProblem(preflight, 403, "cors_origin_not_allowed");
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("when a listed origin calls, then it gets its own origin back and a preflight allowing Authorization and X-Keyward-Client", async () => {
    const simple = await raw(h, { path: "/v1/users", headers: { origin: "https://admin.example" } });
    expect(simple.headers.get("access-control-allow-origin")).toBe("https://admin.example");
    expect(simple.headers.get("vary")).toMatch(/Origin/);
    const preflight = await raw(h, {
      method: "OPTIONS",
      path: "/v1/api-keys",
      token: null,
      headers: {
        origin: "https://admin.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, x-keyward-client, content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://admin.example");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/Authorization.*X-Keyward-Client/);
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("when CORS is not configured (the default), then no origin gets Access-Control-Allow-Origin", async () => {
    const closed = await startHarness();
    try {
      const response = await raw(closed, { path: "/v1/users", headers: { origin: "https://admin.example" } });
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      const preflight = await raw(closed, {
        method: "OPTIONS",
        path: "/v1/users",
        token: null,
        headers: { origin: "https://admin.example", "access-control-request-method": "GET" },
      });
      expect(preflight.status).toBe(403);
    } finally {
      await closed.close();
    }
  });

  it("parses origins strictly", () => {
    expect(parseOrigin("https://Admin.Example:443/")).toBe("https://admin.example");
    expect(parseOrigin("http://localhost:3000")).toBe("http://localhost:3000");
    for (const bad of [
      "*",
      "admin.example",
      "https://admin.example/path",
      "ftp://admin.example",
      "https://user@admin.example",
    ]) {
      expect(() => parseOrigin(bad)).toThrow();
    }
  });

  it("when a method the contract doesn't declare is used on a known path, then 405 with Allow", async () => {
    for (const [method, path, allow] of [
      ["OPTIONS", "/v1/users", "GET, POST"],
      ["PUT", "/v1/users/usr_0000000000000000", "GET, PATCH, DELETE"],
      ["PATCH", "/v1/api-keys/revoke-all", "POST"],
      ["DELETE", "/v1/settings", "GET, PATCH"],
    ] as const) {
      const response = await raw(h, { method, path });
      expectProblem(response, 405, "method_not_allowed");
      expect(response.headers.get("allow")).toBe(allow);
    }
  });
});
