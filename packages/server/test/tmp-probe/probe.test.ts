import { it } from "vitest";
import { startHarness } from "../support/harness.js";
import { raw } from "../support/raw.js";

it("probe", async () => {
  const h = await startHarness();
  const w = await h.integration({ username: "writer", rolePreset: "full_access", keyPreset: "full_access" });
  const users = (await raw(h, { path: "/v1/users" })).json as any;
  const admin = users.data.find((u: any) => u.is_admin);
  const reqs: any[] = [
    { path: "/v1/users?limit=1&limit=2" },
    { path: "/v1/users?limit=1.5" },
    { path: "/v1/users?active=maybe" },
    { path: "/v1/users?cursor=zzz" },
    { path: "/v1/users?cursor=" },
    { path: "/v1/users?cursor[]=x" },
    { path: "/v1/users?kind=robot" },
    { method: "POST", path: "/v1/users" },
    { method: "POST", path: "/v1/users", body: "" },
    { method: "POST", path: "/v1/users", body: "null" },
    { method: "POST", path: "/v1/users", body: "[]" },
    { method: "POST", path: "/v1/users", body: '"str"' },
    { method: "POST", path: "/v1/users", body: { username: "x1", name: "n" }, contentType: "application/json; charset=latin1" },
    { method: "PATCH", path: `/v1/users/${w.userId}`, body: { name: "n" }, contentType: "application/merge-patch+json" },
    { method: "POST", path: "/v1/users", body: { username: "jürgen", name: "n" } },
    { method: "POST", path: "/v1/users", body: { username: "a".repeat(64), name: "n" } },
    { method: "POST", path: "/v1/users", body: { username: "mailer", name: "n", email: "nope" } },
    { method: "POST", path: "/v1/users", body: { username: "robot", name: "n", kind: "robot" } },
    { method: "POST", path: "/v1/users", body: { username: "dupes", name: "n", role_ids: [w.roleId, w.roleId] } },
    { method: "POST", path: "/v1/users", body: { username: "admin-int", name: "n", kind: "integration", is_admin: true } },
    { method: "PATCH", path: `/v1/users/${w.userId}`, body: { is_admin: true } },
    { method: "PATCH", path: `/v1/users/${admin.id}`, body: { is_admin: false } },
    { method: "PATCH", path: `/v1/users/${admin.id}`, body: { active: false } },
    { method: "DELETE", path: `/v1/users/${admin.id}` },
    { method: "POST", path: "/v1/api-keys", body: { name: "k", user_id: admin.id, preset: "events_read" } },
    { method: "DELETE", path: `/v1/roles/${w.roleId}` },
    { path: "/v1/users/usr_0000000000000000" },
    { method: "DELETE", path: "/v1/api-keys/key_0000000000000000" },
    { method: "POST", path: "/v1/api-keys/key_0000000000000000/rotate" },
    { path: "/v1/events/evt_0000000000000000", token: w.token },
    { method: "DELETE", path: "/v1/events/evt_0000000000000000", token: w.token },
    { method: "POST", path: "/v1/documents", body: { title: "x" }, token: w.token },
    { method: "POST", path: "/v1/events", body: { id: "evt_0000000000000000", name: "x", starts_at: "2027-01-01T00:00:00Z" }, token: w.token },
    { method: "POST", path: "/v1/api-keys", body: { name: "k", user_id: w.userId, preset: "events_read", allowed_ips: ["10.0.0.1", "10.0.0.1"] } },
    { method: "POST", path: "/v1/api-keys", body: { name: "k", user_id: w.userId, preset: "events_read", allowed_ips: ["10.0.0.1/8"] } },
    { method: "POST", path: "/v1/api-keys", body: { name: "k", user_id: w.userId, preset: "events_read", allowed_ips: ["::ffff:10.0.0.0/200"] } },
    { method: "POST", path: "/v1/api-keys", body: { name: "k", user_id: w.userId, preset: "events_read", allowed_ips: ["010.0.0.1"] } },
    { method: "POST", path: "/v1/api-keys", body: { name: "k", user_id: w.userId, preset: "events_read", allowed_ips: ["10.0.0.0/08"] } },
    { method: "POST", path: "/v1/api-keys", body: { name: "k", user_id: w.userId, preset: "events_read", expires_at: "2030-01-01" } },
    { method: "POST", path: "/v1/api-keys", body: { name: "k", user_id: w.userId, preset: "events_read", expires_at: "2030-01-01T00:00:00" } },
    { method: "POST", path: "/v1/keys/verify", body: { token: "kw_x", resource: "events", action: "read", ip: "not-an-ip" } },
    { method: "POST", path: "/v1/keys/verify", body: { token: w.token, resource: "events", action: "download" } },
    { method: "POST", path: "/v1/keys/verify", body: { token: w.token, resource: "people", action: "read", fields: ["shoe_size"] } },
    { method: "GET", path: "/v1/users/", },
    { method: "GET", path: "/v1/users/usr_0000000000000000/extra", },
    { method: "PATCH", path: `/v1/people/per_0000000000000000`, body: { first_name: "x" }, token: w.token },
    { method: "PATCH", path: `/v1/attendees/att_0000000000000000`, body: { checked_in_at: "yesterday" }, token: w.token },
    { method: "POST", path: "/v1/people", body: { first_name: "x", last_name: "y", date_of_birth: "1990-02-30" }, token: w.token },
    { method: "POST", path: "/v1/roles", body: { name: "r", permissions: [{ resource: "events", actions: ["read", "read"] }] } },
    { method: "POST", path: "/v1/roles", body: { name: "r", permissions: [{ resource: "events", actions: [] }] } },
    { method: "POST", path: "/v1/roles", body: { name: "r", permissions: [{ resource: "events", actions: ["read"], fields: ["id"] }] } },
    { method: "GET", path: "/v1/health?x=1", token: null },
    { method: "GET", path: "/v1/audit-events?target_id=usr_..%2F" },
    { method: "POST", path: "/v1/api-keys/revoke-all", body: "confirm=REVOKE", contentType: "application/x-www-form-urlencoded" },
    { method: "GET", path: "/v1/users/%E0%A4%A" },
    { method: "GET", path: "/v1/users/%00" },
  ];
  for (const r of reqs) {
    const before = await h.dataFingerprint();
    const res = await raw(h, r);
    const after = await h.dataFingerprint();
    console.log(`${r.method ?? "GET"} ${r.path} ${typeof r.body === "string" ? r.body : JSON.stringify(r.body ?? "")} ${r.contentType ?? ""}\n   → ${res.status} ${res.contentType} ${res.text.slice(0, 300)} ${before === after ? "" : "CHANGED"}`);
  }
  console.log("serverErrors", h.serverErrors);
  await h.close();
});
