// The admin console's session: a management token exchanged for an HttpOnly, SameSite=Strict cookie that works where
// the token does (with its scopes), CSRF-checked writes, sign-out and revocation ending the session on the server,
// and /console under a strict CSP.
import { unwrap } from "@keyward/sdk";
import { type Harness, startHarness } from "@keyward/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raw } from "./support/raw.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
  expect(h.serverErrors).toEqual([]);
});

async function signIn(token = h.adminToken): Promise<{ cookie: string; csrf: string; setCookie: string }> {
  const response = await raw(h, { method: "POST", path: "/v1/session", token });
  expect(response.status).toBe(201);
  const setCookie = response.headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0] ?? "";
  return { cookie, csrf: String(response.json?.csrf_token), setCookie };
}

describe("console session", () => {
  it("when an admin token signs in, then the cookie is HttpOnly, SameSite=Strict, short-lived and holds no token", async () => {
    const { setCookie, cookie } = await signIn();
    expect(setCookie).toMatch(/^keyward_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=3600$/);
    expect(cookie).not.toContain(h.adminToken);
  });

  it("when the cookie is sent without a token, then management reads work and the session is readable", async () => {
    const { cookie, csrf } = await signIn();
    expect((await raw(h, { path: "/v1/users", token: null, headers: { cookie } })).status).toBe(200);
    const session = await raw(h, { path: "/v1/session", token: null, headers: { cookie } });
    expect(session.status).toBe(200);
    expect(session.json).toMatchObject({ csrf_token: csrf, user: { username: "admin" } });
  });

  it("when a cookie-authenticated write lacks the CSRF token or carries a wrong one, then 403 and nothing changes", async () => {
    const { cookie, csrf } = await signIn();
    const before = await h.dataFingerprint();
    const body = { username: "csrf-victim", name: "CSRF victim" };
    const attempts: Record<string, string>[] = [{ cookie }, { cookie, "x-keyward-csrf": `${csrf.slice(0, -1)}x` }];
    for (const headers of attempts) {
      const refused = await raw(h, { method: "POST", path: "/v1/users", token: null, headers, body });
      expect(refused.status).toBe(403);
      expect(refused.json?.code).toBe("csrf_token_invalid");
    }
    expect(await h.dataFingerprint()).toBe(before);
    const created = await raw(h, {
      method: "POST",
      path: "/v1/users",
      token: null,
      headers: { cookie, "x-keyward-csrf": csrf },
      body,
    });
    expect(created.status).toBe(201);
  });

  it("when the session cookie is sent to the business API, then it is not an integration key (401)", async () => {
    const { cookie } = await signIn();
    expect((await raw(h, { path: "/v1/events", token: null, headers: { cookie } })).status).toBe(401);
  });

  it("when the console signs out, then the same cookie is refused afterwards (401)", async () => {
    const { cookie, csrf } = await signIn();
    const out = await raw(h, {
      method: "DELETE",
      path: "/v1/session",
      token: null,
      headers: { cookie, "x-keyward-csrf": csrf },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toContain("Max-Age=0");
    const after = await raw(h, { path: "/v1/users", token: null, headers: { cookie } });
    expect(after.status).toBe(401);
    expect(after.json?.code).toBe("invalid_token");
  });

  it("when an integration key tries to sign in, then 403 and no cookie", async () => {
    const { token } = await h.integration({
      username: "console-key",
      rolePreset: "events_read",
      keyPreset: "events_read",
    });
    const refused = await raw(h, { method: "POST", path: "/v1/session", token });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("set-cookie")).toBeNull();
  });

  it("when a management token scoped to reading users signs in, then the session has that scope only (403 scope_missing beyond it)", async () => {
    const { token } = unwrap(
      await h.admin.POST("/v1/management-tokens", { body: { name: "console reader", scopes: ["users:read"] } }),
    );
    const { cookie } = await signIn(token);
    expect((await raw(h, { path: "/v1/users", token: null, headers: { cookie } })).status).toBe(200);
    const refused = await raw(h, { path: "/v1/api-keys", token: null, headers: { cookie } });
    expect(refused.status).toBe(403);
    expect(refused.json?.code).toBe("scope_missing");
  });

  it("when the management token a session was opened with is revoked, then the session is refused (401) and ends", async () => {
    const { id, token } = unwrap(
      await h.admin.POST("/v1/management-tokens", { body: { name: "console revoked", scopes: ["users:read"] } }),
    );
    const { cookie } = await signIn(token);
    unwrap(await h.admin.DELETE("/v1/management-tokens/{token_id}", { params: { path: { token_id: id } } }));
    const refused = await raw(h, { path: "/v1/users", token: null, headers: { cookie } });
    expect(refused.status).toBe(401);
    expect(refused.json?.code).toBe("key_revoked");
    expect((await raw(h, { path: "/v1/session", token: null, headers: { cookie } })).json?.code).toBe("invalid_token");
  });

  it("when /console is requested, then it has a CSP without unsafe-inline", async () => {
    const page = await raw(h, { path: "/console", token: null });
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
  });
  it("when the session is an hour old, then it is refused (401)", async () => {
    const { cookie } = await signIn();
    const session = await raw(h, { path: "/v1/session", token: null, headers: { cookie } });
    expect(Date.parse(String(session.json?.expires_at)) - h.now().getTime()).toBeLessThanOrEqual(60 * 60_000);
    h.advance(60 * 60_000 + 1_000);
    const expired = await raw(h, { path: "/v1/users", token: null, headers: { cookie } });
    expect(expired.status).toBe(401);
    expect(expired.json?.code).toBe("invalid_token");
  });
});
