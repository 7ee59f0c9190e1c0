// Bad input of every kind (openapi.yaml: every error is problem+json): each request gets the exact 4xx, an RFC 9457 problem with a
// stable `code`, `errors[]` pointing at the offending field for validation problems, and changes nothing.

import { generateKeywardToken } from "@keyward/contract";
import { unwrap } from "@keyward/sdk";
import type { ProblemCode } from "@keyward/sdk/schema";
import { daysFrom, type Harness, startHarness } from "@keyward/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RawRequest, raw } from "./support/raw.js";

let h: Harness;

/** Objects the bad requests refer to, created once. */
interface Fixtures {
  userId: string;
  username: string;
  roleId: string;
  roleName: string;
  keyId: string;
  writerToken: string;
  eventId: string;
  personId: string;
  adminId: string;
  /** The bootstrap management token (the only one with tokens:manage) and a revoked one. */
  bootstrapTokenId: string;
  revokedTokenId: string;
}
let f: Fixtures;

beforeAll(async () => {
  h = await startHarness();
  const writer = await h.integration({
    username: "bad-input-writer",
    rolePreset: "full_access",
    keyPreset: "full_access",
  });
  const role = unwrap(await h.admin.GET("/v1/roles/{role_id}", { params: { path: { role_id: writer.roleId } } }));
  const user = unwrap(await h.admin.GET("/v1/users/{user_id}", { params: { path: { user_id: writer.userId } } }));
  const events = unwrap(await writer.client.GET("/v1/events"));
  const people = unwrap(await writer.client.GET("/v1/people"));
  f = {
    userId: user.id,
    username: user.username,
    roleId: role.id,
    roleName: role.name,
    keyId: writer.keyId,
    writerToken: writer.token,
    eventId: events.data[0]!.id,
    personId: people.data[0]!.id,
    adminId: unwrap(await h.admin.GET("/v1/users", { params: { query: { kind: "person" } } })).data.find(
      (u) => u.is_admin,
    )!.id,
    bootstrapTokenId: unwrap(await h.admin.GET("/v1/management-tokens")).data[0]!.id,
    revokedTokenId: await revokedManagementToken(),
  };
});
afterEach(() => expect(h.serverErrors).toEqual([]));

async function revokedManagementToken(): Promise<string> {
  const token = unwrap(
    await h.admin.POST("/v1/management-tokens", { body: { name: "soon revoked", scopes: ["users:read"] } }),
  );
  unwrap(await h.admin.DELETE("/v1/management-tokens/{token_id}", { params: { path: { token_id: token.id } } }));
  return token.id;
}
afterAll(() => h.close());

/** A well-formed id that names nothing. */
const MISSING_ROLE = "rol_0000000000000000";
const MISSING_USER = "usr_0000000000000000";

interface BadCase {
  name: string;
  request: (f: Fixtures) => RawRequest;
  status: number;
  code: ProblemCode;
  /** The `errors[].path` that must name the offending field; null where the problem is not about one field. */
  field: string | null;
}

/** The same token with one character of its random part changed: the checksum no longer matches. */
const withTypo = (token: string) => `${token.slice(0, 5)}${token[5] === "a" ? "b" : "a"}${token.slice(6)}`;
const validKeyBody = (f: Fixtures) => ({ name: "bad input key", user_id: f.userId, preset: "events_read" });
const validRoleBody = { name: "bad-input-role-x", permissions: [{ resource: "events", actions: ["read"] }] };

const cases: BadCase[] = [
  // ── users: wrong types, unknown fields, missing fields, rules ──────────────────────────────────
  {
    name: "when a user is created with a string for is_admin, then 400 at /body/is_admin",
    request: () => ({
      method: "POST",
      path: "/v1/users",
      body: { username: "typo-admin", name: "T", is_admin: "yes" },
    }),
    status: 400,
    code: "validation_failed",
    field: "/body/is_admin",
  },
  {
    name: "when a user is created with a number for name, then 400 at /body/name",
    request: () => ({ method: "POST", path: "/v1/users", body: { username: "numeric-name", name: 42 } }),
    status: 400,
    code: "validation_failed",
    field: "/body/name",
  },
  {
    name: "when a user is created with an unknown field, then 400 naming it",
    request: () => ({ method: "POST", path: "/v1/users", body: { username: "extra-field", name: "E", nickname: "e" } }),
    status: 400,
    code: "validation_failed",
    field: "/body/nickname",
  },
  {
    name: "when a user is created without a name, then 400 at /body/name",
    request: () => ({ method: "POST", path: "/v1/users", body: { username: "no-name" } }),
    status: 400,
    code: "validation_failed",
    field: "/body/name",
  },
  {
    name: "when a username has invalid characters, then 400 at /body/username",
    request: () => ({ method: "POST", path: "/v1/users", body: { username: "Bad User!", name: "B" } }),
    status: 400,
    code: "validation_failed",
    field: "/body/username",
  },
  {
    name: "when a username is taken, then 409 username_taken",
    request: (f) => ({ method: "POST", path: "/v1/users", body: { username: f.username, name: "Twin" } }),
    status: 409,
    code: "username_taken",
    field: "/body/username",
  },
  {
    name: "when a user is given an unknown role id, then 422 unknown_role at /body/role_ids/0",
    request: () => ({
      method: "POST",
      path: "/v1/users",
      body: { username: "ghost-role", name: "G", role_ids: [MISSING_ROLE] },
    }),
    status: 422,
    code: "unknown_role",
    field: "/body/role_ids/0",
  },
  {
    name: "when a user is patched with an empty object, then 400 (minProperties)",
    request: (f) => ({ method: "PATCH", path: `/v1/users/${f.userId}`, body: {} }),
    status: 400,
    code: "validation_failed",
    field: "/body",
  },
  {
    name: "when a user is patched with a string for active, then 400 at /body/active",
    request: (f) => ({ method: "PATCH", path: `/v1/users/${f.userId}`, body: { active: "false" } }),
    status: 400,
    code: "validation_failed",
    field: "/body/active",
  },
  {
    name: "when the body is not valid JSON, then 400 invalid_json",
    request: () => ({ method: "POST", path: "/v1/users", body: '{"username": "broken", "name": ' }),
    status: 400,
    code: "invalid_json",
    field: null,
  },
  {
    name: "when the body is larger than 64 kB, then 413 payload_too_large",
    request: () => ({ method: "POST", path: "/v1/users", body: { username: "huge", name: "x".repeat(70_000) } }),
    status: 413,
    code: "payload_too_large",
    field: null,
  },
  {
    name: "when the body is text/plain, then 415 unsupported_media_type",
    request: () => ({
      method: "POST",
      path: "/v1/users",
      body: "username=plain&name=Plain",
      contentType: "text/plain",
    }),
    status: 415,
    code: "unsupported_media_type",
    field: null,
  },

  {
    name: "when a user is created with an invalid email, then 400 at /body/email",
    request: () => ({
      method: "POST",
      path: "/v1/users",
      body: { username: "mailer", name: "M", email: "not-an-email" },
    }),
    status: 400,
    code: "validation_failed",
    field: "/body/email",
  },
  {
    name: "when a user is created with an unknown kind, then 400 at /body/kind",
    request: () => ({ method: "POST", path: "/v1/users", body: { username: "robot", name: "R", kind: "robot" } }),
    status: 400,
    code: "validation_failed",
    field: "/body/kind",
  },
  {
    name: "when a user is given the same role twice, then 400 at /body/role_ids",
    request: (f) => ({
      method: "POST",
      path: "/v1/users",
      body: { username: "twice", name: "T", role_ids: [f.roleId, f.roleId] },
    }),
    status: 400,
    code: "validation_failed",
    field: "/body/role_ids",
  },
  {
    name: "when the body is a JSON array instead of an object, then 400 at /body",
    request: () => ({ method: "POST", path: "/v1/users", body: "[]" }),
    status: 400,
    code: "validation_failed",
    field: "/body",
  },
  {
    name: "when the body is JSON in an unsupported charset, then 415 unsupported_media_type",
    request: () => ({
      method: "POST",
      path: "/v1/users",
      body: { username: "latin", name: "L" },
      contentType: "application/json; charset=latin1",
    }),
    status: 415,
    code: "unsupported_media_type",
    field: null,
  },
  {
    name: "when a patch is sent as application/merge-patch+json, then 415 unsupported_media_type",
    request: (f) => ({
      method: "PATCH",
      path: `/v1/users/${f.userId}`,
      body: { name: "Merged" },
      contentType: "application/merge-patch+json",
    }),
    status: 415,
    code: "unsupported_media_type",
    field: null,
  },
  {
    name: "when an integration user is promoted to admin, then 409 integration_user_cannot_be_admin",
    request: (f) => ({ method: "PATCH", path: `/v1/users/${f.userId}`, body: { is_admin: true } }),
    status: 409,
    code: "integration_user_cannot_be_admin",
    field: "/body/is_admin",
  },
  {
    name: "when the last admin is demoted, then 409 last_admin",
    request: (f) => ({ method: "PATCH", path: `/v1/users/${f.adminId}`, body: { is_admin: false } }),
    status: 409,
    code: "last_admin",
    field: null,
  },
  {
    name: "when a user that does not exist is read, then 404 not_found",
    request: () => ({ path: `/v1/users/${MISSING_USER}` }),
    status: 404,
    code: "not_found",
    field: null,
  },
  {
    name: "when a role still assigned is deleted, then 409 role_in_use",
    request: (f) => ({ method: "DELETE", path: `/v1/roles/${f.roleId}` }),
    status: 409,
    code: "role_in_use",
    field: null,
  },

  // ── ids in paths ────────────────────────────────────────────────────────────────────────────────
  {
    name: "when a user id has the wrong prefix, then 400 at /params/user_id",
    request: (f) => ({ path: `/v1/users/${f.roleId}` }),
    status: 400,
    code: "validation_failed",
    field: "/params/user_id",
  },
  {
    name: "when a user id is too short, then 400 at /params/user_id",
    request: () => ({ path: "/v1/users/usr_abc" }),
    status: 400,
    code: "validation_failed",
    field: "/params/user_id",
  },
  {
    name: "when a user id is a path traversal, then 400 at /params/user_id",
    request: () => ({ method: "DELETE", path: "/v1/users/usr_..%2F..%2Fetc" }),
    status: 400,
    code: "validation_failed",
    field: "/params/user_id",
  },
  {
    name: "when a user id holds non-ASCII letters, then 400 at /params/user_id",
    request: () => ({ path: `/v1/users/usr_${encodeURIComponent("ÄÖÜäöüßéèêëïîôûç")}` }),
    status: 400,
    code: "validation_failed",
    field: "/params/user_id",
  },
  {
    name: "when a key is revoked through an id of the wrong kind, then 400 at /params/key_id",
    request: (f) => ({ method: "DELETE", path: `/v1/api-keys/${f.userId}` }),
    status: 400,
    code: "validation_failed",
    field: "/params/key_id",
  },
  {
    name: "when a document is downloaded with a traversal id, then 400 at /params/record_id",
    request: (f) => ({ path: "/v1/documents/doc_..%2F..%2F..%2Fetc%2Fpasswd/download", token: f.writerToken }),
    status: 400,
    code: "validation_failed",
    field: "/params/record_id",
  },

  // ── query parameters ────────────────────────────────────────────────────────────────────────────
  {
    name: "when limit=0, then 400 at /query/limit",
    request: () => ({ path: "/v1/users?limit=0" }),
    status: 400,
    code: "validation_failed",
    field: "/query/limit",
  },
  {
    name: "when limit=1000, then 400 at /query/limit",
    request: () => ({ path: "/v1/roles?limit=1000" }),
    status: 400,
    code: "validation_failed",
    field: "/query/limit",
  },
  {
    name: "when limit=abc, then 400 at /query/limit",
    request: () => ({ path: "/v1/api-keys?limit=abc" }),
    status: 400,
    code: "validation_failed",
    field: "/query/limit",
  },
  {
    name: "when an unknown query parameter is sent, then 400 naming it",
    request: () => ({ path: "/v1/users?sort=name" }),
    status: 400,
    code: "validation_failed",
    field: "/query/sort",
  },
  {
    name: "when the cursor holds characters outside its alphabet, then 400 at /query/cursor",
    request: () => ({ path: "/v1/users?cursor=abc%24%7B%7D" }),
    status: 400,
    code: "validation_failed",
    field: "/query/cursor",
  },
  {
    name: "when a boolean filter is not a boolean, then 400 at /query/active",
    request: () => ({ path: "/v1/users?active=maybe" }),
    status: 400,
    code: "validation_failed",
    field: "/query/active",
  },
  {
    name: "when the cursor is empty, then 400 at /query/cursor",
    request: () => ({ path: "/v1/api-keys?cursor=" }),
    status: 400,
    code: "validation_failed",
    field: "/query/cursor",
  },
  {
    name: "when an audit target_id is a path traversal, then 400 at /query/target_id",
    request: () => ({ path: "/v1/audit-events?target_id=usr_..%2F..%2Fetc" }),
    status: 400,
    code: "validation_failed",
    field: "/query/target_id",
  },
  {
    name: "when an audit action filter is unknown, then 400 at /query/action",
    request: () => ({ path: "/v1/audit-events?action=key.exploded" }),
    status: 400,
    code: "validation_failed",
    field: "/query/action",
  },

  // ── roles and permissions ───────────────────────────────────────────────────────────────────────
  {
    name: "when a role is created with an unknown field, then 400 naming it",
    request: () => ({ method: "POST", path: "/v1/roles", body: { ...validRoleBody, owner: "me" } }),
    status: 400,
    code: "validation_failed",
    field: "/body/owner",
  },
  {
    name: "when a role is created without a name, then 400 at /body/name",
    request: () => ({ method: "POST", path: "/v1/roles", body: { preset: "events_read" } }),
    status: 400,
    code: "validation_failed",
    field: "/body/name",
  },
  {
    name: "when a permission names an unknown resource, then 400 at /body/permissions/0/resource",
    request: () => ({
      method: "POST",
      path: "/v1/roles",
      body: { name: "widgets", permissions: [{ resource: "widgets", actions: ["read"] }] },
    }),
    status: 400,
    code: "validation_failed",
    field: "/body/permissions/0/resource",
  },
  {
    name: "when a permission names an unknown action, then 400 at /body/permissions/0/actions/0",
    request: () => ({
      method: "POST",
      path: "/v1/roles",
      body: { name: "approver", permissions: [{ resource: "events", actions: ["approve"] }] },
    }),
    status: 400,
    code: "validation_failed",
    field: "/body/permissions/0/actions/0",
  },
  {
    name: "when a permission asks for an action the resource lacks (download on events), then 422 invalid_permissions",
    request: () => ({
      method: "POST",
      path: "/v1/roles",
      body: { name: "event-downloader", permissions: [{ resource: "events", actions: ["read", "download"] }] },
    }),
    status: 422,
    code: "invalid_permissions",
    field: "/body/permissions/0/actions/1",
  },
  {
    name: "when a permission limits to a field the resource lacks, then 422 invalid_permissions",
    request: () => ({
      method: "POST",
      path: "/v1/roles",
      body: {
        name: "shoe-sizes",
        permissions: [{ resource: "people", actions: ["read"], fields: ["first_name", "shoe_size"] }],
      },
    }),
    status: 422,
    code: "invalid_permissions",
    field: "/body/permissions/0/fields/1",
  },
  {
    name: "when a permission grant carries an unknown property, then 400 naming it",
    request: () => ({
      method: "POST",
      path: "/v1/roles",
      body: { name: "scoped", permissions: [{ resource: "events", actions: ["read"], scope: "all" }] },
    }),
    status: 400,
    code: "validation_failed",
    field: "/body/permissions/0/scope",
  },
  {
    name: "when permissions is empty, then 422 invalid_permissions at /body/permissions",
    request: () => ({ method: "POST", path: "/v1/roles", body: { name: "nothing", permissions: [] } }),
    status: 422,
    code: "invalid_permissions",
    field: "/body/permissions",
  },
  {
    name: "when both permissions and a preset are given, then 400 validation_failed (the contract's oneOf)",
    request: () => ({ method: "POST", path: "/v1/roles", body: { ...validRoleBody, preset: "events_read" } }),
    status: 400,
    code: "validation_failed",
    field: "/body/preset",
  },
  {
    name: "when neither permissions nor a preset is given, then 400 validation_failed (the contract's oneOf)",
    request: () => ({ method: "POST", path: "/v1/roles", body: { name: "empty-handed" } }),
    status: 400,
    code: "validation_failed",
    field: "/body/permissions",
  },
  {
    name: "when the preset is unknown, then 422 invalid_permissions at /body/preset",
    request: () => ({ method: "POST", path: "/v1/roles", body: { name: "godmode", preset: "god_mode" } }),
    status: 422,
    code: "invalid_permissions",
    field: "/body/preset",
  },
  {
    name: "when a role name is taken, then 409 role_name_taken",
    request: (f) => ({ method: "POST", path: "/v1/roles", body: { name: f.roleName, preset: "events_read" } }),
    status: 409,
    code: "role_name_taken",
    field: "/body/name",
  },
  {
    name: "when a role is patched with an empty object, then 400 (minProperties)",
    request: (f) => ({ method: "PATCH", path: `/v1/roles/${f.roleId}`, body: {} }),
    status: 400,
    code: "validation_failed",
    field: "/body",
  },

  // ── api keys ────────────────────────────────────────────────────────────────────────────────────
  {
    name: "when a key is created with an unknown field, then 400 naming it",
    request: (f) => ({ method: "POST", path: "/v1/api-keys", body: { ...validKeyBody(f), token: "kw_mine" } }),
    status: 400,
    code: "validation_failed",
    field: "/body/token",
  },
  {
    name: "when a key is created without a name, then 400 at /body/name",
    request: (f) => ({ method: "POST", path: "/v1/api-keys", body: { user_id: f.userId, preset: "events_read" } }),
    status: 400,
    code: "validation_failed",
    field: "/body/name",
  },
  {
    name: "when a key is created with a string for active, then 400 at /body/active",
    request: (f) => ({ method: "POST", path: "/v1/api-keys", body: { ...validKeyBody(f), active: "true" } }),
    status: 400,
    code: "validation_failed",
    field: "/body/active",
  },
  {
    name: "when allowed_ips holds 300.1.1.1/8, then 422 invalid_cidr at /body/allowed_ips/0",
    request: (f) => ({
      method: "POST",
      path: "/v1/api-keys",
      body: { ...validKeyBody(f), allowed_ips: ["300.1.1.1/8"] },
    }),
    status: 422,
    code: "invalid_cidr",
    field: "/body/allowed_ips/0",
  },
  {
    name: "when allowed_ips holds 10.0.0.0/33, then 422 invalid_cidr at /body/allowed_ips/1",
    request: (f) => ({
      method: "POST",
      path: "/v1/api-keys",
      body: { ...validKeyBody(f), allowed_ips: ["192.0.2.0/24", "10.0.0.0/33"] },
    }),
    status: 422,
    code: "invalid_cidr",
    field: "/body/allowed_ips/1",
  },
  {
    name: "when allowed_ips holds not-an-ip on an update, then 422 invalid_cidr at /body/allowed_ips/0",
    request: (f) => ({ method: "PATCH", path: `/v1/api-keys/${f.keyId}`, body: { allowed_ips: ["not-an-ip"] } }),
    status: 422,
    code: "invalid_cidr",
    field: "/body/allowed_ips/0",
  },
  {
    name: "when allowed_ips holds an address with a leading zero (010.0.0.1, read as octal 8.0.0.1), then 422 invalid_cidr",
    request: (f) => ({
      method: "POST",
      path: "/v1/api-keys",
      body: { ...validKeyBody(f), allowed_ips: ["010.0.0.1"] },
    }),
    status: 422,
    code: "invalid_cidr",
    field: "/body/allowed_ips/0",
  },
  {
    name: "when allowed_ips holds a shorthand address (10.1), then 422 invalid_cidr",
    request: (f) => ({ method: "POST", path: "/v1/api-keys", body: { ...validKeyBody(f), allowed_ips: ["10.1"] } }),
    status: 422,
    code: "invalid_cidr",
    field: "/body/allowed_ips/0",
  },
  {
    name: "when allowed_ips repeats an entry, then 400 at /body/allowed_ips",
    request: (f) => ({
      method: "POST",
      path: "/v1/api-keys",
      body: { ...validKeyBody(f), allowed_ips: ["192.0.2.1", "192.0.2.1"] },
    }),
    status: 400,
    code: "validation_failed",
    field: "/body/allowed_ips",
  },
  {
    name: "when a key is created for an admin, then 409 user_is_admin at /body/user_id",
    request: (f) => ({
      method: "POST",
      path: "/v1/api-keys",
      body: { name: "admin key", user_id: f.adminId, preset: "events_read" },
    }),
    status: 409,
    code: "user_is_admin",
    field: "/body/user_id",
  },
  {
    name: "when a key that does not exist is rotated, then 404 not_found",
    request: () => ({
      method: "POST",
      path: "/v1/api-keys/key_0000000000000000/rotate",
      body: { grace_period_seconds: 60 },
    }),
    status: 404,
    code: "not_found",
    field: null,
  },
  {
    name: "when revoke-all is sent as a form, then 415 unsupported_media_type",
    request: () => ({
      method: "POST",
      path: "/v1/api-keys/revoke-all",
      body: "confirm=REVOKE+ALL+KEYS",
      contentType: "application/x-www-form-urlencoded",
    }),
    status: 415,
    code: "unsupported_media_type",
    field: null,
  },
  {
    name: "when the expiry is in the past, then 422 expiry_in_past at /body/expires_at",
    request: (f) => ({
      method: "POST",
      path: "/v1/api-keys",
      body: { ...validKeyBody(f), expires_at: daysFrom(h, -1) },
    }),
    status: 422,
    code: "expiry_in_past",
    field: "/body/expires_at",
  },
  {
    name: "when the expiry is not a real date-time (February 30th), then 400 at /body/expires_at",
    request: (f) => ({
      method: "POST",
      path: "/v1/api-keys",
      body: { ...validKeyBody(f), expires_at: "2030-02-30T00:00:00Z" },
    }),
    status: 400,
    code: "validation_failed",
    field: "/body/expires_at",
  },
  {
    name: "when a key is created for a user that does not exist, then 422 unknown_user at /body/user_id",
    request: () => ({
      method: "POST",
      path: "/v1/api-keys",
      body: { name: "orphan", user_id: MISSING_USER, preset: "events_read" },
    }),
    status: 422,
    code: "unknown_user",
    field: "/body/user_id",
  },
  {
    name: "when a key is patched with an empty object, then 400 (minProperties)",
    request: (f) => ({ method: "PATCH", path: `/v1/api-keys/${f.keyId}`, body: {} }),
    status: 400,
    code: "validation_failed",
    field: "/body",
  },
  {
    name: "when a key is patched with an unknown preset, then 422 invalid_permissions",
    request: (f) => ({ method: "PATCH", path: `/v1/api-keys/${f.keyId}`, body: { preset: "everything" } }),
    status: 422,
    code: "invalid_permissions",
    field: "/body/preset",
  },
  {
    name: "when revoke-all has no confirmation, then 400 at /body/confirm",
    request: () => ({ method: "POST", path: "/v1/api-keys/revoke-all", body: {} }),
    status: 400,
    code: "validation_failed",
    field: "/body/confirm",
  },
  {
    name: "when revoke-all has the wrong confirmation, then 400 at /body/confirm",
    request: () => ({ method: "POST", path: "/v1/api-keys/revoke-all", body: { confirm: "revoke all keys" } }),
    status: 400,
    code: "validation_failed",
    field: "/body/confirm",
  },
  {
    name: "when a key is created with a supplied token whose checksum is wrong, then 422 token_checksum_mismatch at /body/token",
    request: (f) => ({
      method: "POST",
      path: "/v1/api-keys",
      body: { ...validKeyBody(f), token: withTypo(generateKeywardToken("key")) },
    }),
    status: 422,
    code: "token_checksum_mismatch",
    field: "/body/token",
  },
  {
    name: "when a key is created with a supplied token of the wrong shape, then 400 at /body/token",
    request: (f) => ({ method: "POST", path: "/v1/api-keys", body: { ...validKeyBody(f), token: "kw_short" } }),
    status: 400,
    code: "validation_failed",
    field: "/body/token",
  },
  {
    name: "when a key is created with a supplied admin-prefixed (kwa_) token, then 400 at /body/token",
    request: (f) => ({
      method: "POST",
      path: "/v1/api-keys",
      body: { ...validKeyBody(f), token: generateKeywardToken("admin") },
    }),
    status: 400,
    code: "validation_failed",
    field: "/body/token",
  },
  {
    name: "when a key is created with the token of an existing key, then 409 token_in_use at /body/token",
    request: (f) => ({ method: "POST", path: "/v1/api-keys", body: { ...validKeyBody(f), token: f.writerToken } }),
    status: 409,
    code: "token_in_use",
    field: "/body/token",
  },
  {
    name: "when a key is rotated to a supplied token whose checksum is wrong, then 422 token_checksum_mismatch at /body/token",
    request: (f) => ({
      method: "POST",
      path: `/v1/api-keys/${f.keyId}/rotate`,
      body: { token: withTypo(generateKeywardToken("key")) },
    }),
    status: 422,
    code: "token_checksum_mismatch",
    field: "/body/token",
  },
  {
    name: "when a key is rotated to the admin token, then 400 at /body/token",
    request: (f) => ({ method: "POST", path: `/v1/api-keys/${f.keyId}/rotate`, body: { token: h.adminToken } }),
    status: 400,
    code: "validation_failed",
    field: "/body/token",
  },
  {
    name: "when a key is rotated to its own current token, then 409 token_in_use at /body/token",
    request: (f) => ({
      method: "POST",
      path: `/v1/api-keys/${f.keyId}/rotate`,
      body: { token: f.writerToken, grace_period_seconds: 60 },
    }),
    status: 409,
    code: "token_in_use",
    field: "/body/token",
  },
  {
    name: "when a rotation has a negative grace period, then 400 at /body/grace_period_seconds",
    request: (f) => ({ method: "POST", path: `/v1/api-keys/${f.keyId}/rotate`, body: { grace_period_seconds: -1 } }),
    status: 400,
    code: "validation_failed",
    field: "/body/grace_period_seconds",
  },
  {
    name: "when a rotation has a grace period over 7 days, then 400 at /body/grace_period_seconds",
    request: (f) => ({
      method: "POST",
      path: `/v1/api-keys/${f.keyId}/rotate`,
      body: { grace_period_seconds: 604_801 },
    }),
    status: 400,
    code: "validation_failed",
    field: "/body/grace_period_seconds",
  },
  {
    name: "when a verify request has a number for token, then 400 at /body/token",
    request: () => ({
      method: "POST",
      path: "/v1/keys/verify",
      body: { token: 12345, resource: "events", action: "read" },
    }),
    status: 400,
    code: "validation_failed",
    field: "/body/token",
  },

  // ── settings ────────────────────────────────────────────────────────────────────────────────────
  {
    name: "when settings get an unknown field, then 400 naming it",
    request: () => ({ method: "PATCH", path: "/v1/settings", body: { key_inactivity_days: 30, debug: true } }),
    status: 400,
    code: "validation_failed",
    field: "/body/debug",
  },
  {
    name: "when an unknown feature is switched, then 400 naming it",
    request: () => ({ method: "PATCH", path: "/v1/settings", body: { features: { time_travel: true } } }),
    status: 400,
    code: "validation_failed",
    field: "/body/features/time_travel",
  },
  {
    name: "when key_inactivity_days is -1, then 400 at /body/key_inactivity_days",
    request: () => ({ method: "PATCH", path: "/v1/settings", body: { key_inactivity_days: -1 } }),
    status: 400,
    code: "validation_failed",
    field: "/body/key_inactivity_days",
  },
  {
    name: "when external_connectivity is a string, then 400 at /body/features/external_connectivity",
    request: () => ({ method: "PATCH", path: "/v1/settings", body: { features: { external_connectivity: "off" } } }),
    status: 400,
    code: "validation_failed",
    field: "/body/features/external_connectivity",
  },
  {
    name: "when settings are patched with an empty object, then 400 (minProperties)",
    request: () => ({ method: "PATCH", path: "/v1/settings", body: {} }),
    status: 400,
    code: "validation_failed",
    field: "/body",
  },

  // ── business API writes, with a key that may write ──────────────────────────────────────────────
  {
    name: "when an event is created with a string capacity, then 400 at /body/capacity",
    request: (f) => ({
      method: "POST",
      path: "/v1/events",
      token: f.writerToken,
      body: { name: "Big", starts_at: "2027-03-01T09:00:00Z", capacity: "many" },
    }),
    status: 400,
    code: "validation_failed",
    field: "/body/capacity",
  },
  {
    name: "when an event is created with an unknown field, then 400 naming it",
    request: (f) => ({
      method: "POST",
      path: "/v1/events",
      token: f.writerToken,
      body: { name: "Sponsored", starts_at: "2027-03-01T09:00:00Z", sponsor: "ACME" },
    }),
    status: 400,
    code: "validation_failed",
    field: "/body/sponsor",
  },
  {
    name: "when an event is created without starts_at, then 400 at /body/starts_at",
    request: (f) => ({ method: "POST", path: "/v1/events", token: f.writerToken, body: { name: "Someday" } }),
    status: 400,
    code: "validation_failed",
    field: "/body/starts_at",
  },
  {
    name: "when a person is patched with a number for first_name, then 400 at /body/first_name",
    request: (f) => ({
      method: "PATCH",
      path: `/v1/people/${f.personId}`,
      token: f.writerToken,
      body: { first_name: 7 },
    }),
    status: 400,
    code: "validation_failed",
    field: "/body/first_name",
  },
  {
    name: "when an event is patched with bad JSON, then 400 invalid_json",
    request: (f) => ({
      method: "PATCH",
      path: `/v1/events/${f.eventId}`,
      token: f.writerToken,
      body: "{name: 'single quotes'}",
    }),
    status: 400,
    code: "invalid_json",
    field: null,
  },
  {
    name: "when an invoice has a malformed currency, then 400 at /body/currency",
    request: (f) => ({
      method: "POST",
      path: "/v1/invoices",
      token: f.writerToken,
      body: { person_id: f.personId, amount_cents: 100, currency: "euro" },
    }),
    status: 400,
    code: "validation_failed",
    field: "/body/currency",
  },
  {
    name: "when an event is created with its own id, then 400 at /body/id",
    request: (f) => ({
      method: "POST",
      path: "/v1/events",
      token: f.writerToken,
      body: { id: "evt_0000000000000000", name: "Forged", starts_at: "2027-03-01T09:00:00Z" },
    }),
    status: 400,
    code: "validation_failed",
    field: "/body/id",
  },
  {
    name: "when a person is created with an impossible date of birth, then 400 at /body/date_of_birth",
    request: (f) => ({
      method: "POST",
      path: "/v1/people",
      token: f.writerToken,
      body: { first_name: "Feb", last_name: "Thirty", date_of_birth: "1990-02-30" },
    }),
    status: 400,
    code: "validation_failed",
    field: "/body/date_of_birth",
  },
  {
    name: "when a document is created (documents are read-only), then 405 method_not_allowed",
    request: (f) => ({ method: "POST", path: "/v1/documents", token: f.writerToken, body: { title: "Upload" } }),
    status: 405,
    code: "method_not_allowed",
    field: null,
  },
  {
    name: "when an event that does not exist is deleted, then 404 not_found",
    request: (f) => ({ method: "DELETE", path: "/v1/events/evt_0000000000000000", token: f.writerToken }),
    status: 404,
    code: "not_found",
    field: null,
  },
  {
    name: "when a business list gets limit=0, then 400 at /query/limit",
    request: (f) => ({ path: "/v1/events?limit=0", token: f.writerToken }),
    status: 400,
    code: "validation_failed",
    field: "/query/limit",
  },

  // ── routes and methods ──────────────────────────────────────────────────────────────────────────
  {
    name: "when a management token asks for an unknown scope, then 400 at /body/scopes/1",
    request: () => ({
      method: "POST",
      path: "/v1/management-tokens",
      body: { name: "odd", scopes: ["users:read", "users:admin"] },
    }),
    status: 400,
    code: "validation_failed",
    field: "/body/scopes/1",
  },
  {
    name: "when a management token gets no scopes, then 400 at /body/scopes",
    request: () => ({ method: "POST", path: "/v1/management-tokens", body: { name: "empty", scopes: [] } }),
    status: 400,
    code: "validation_failed",
    field: "/body/scopes",
  },
  {
    name: "when a management token's expiry is in the past, then 422 expiry_in_past",
    request: () => ({
      method: "POST",
      path: "/v1/management-tokens",
      body: { name: "stale", scopes: ["users:read"], expires_at: "2020-01-01T00:00:00Z" },
    }),
    status: 422,
    code: "expiry_in_past",
    field: "/body/expires_at",
  },
  {
    name: "when a management token is moved to an expiry in the past, then 422 expiry_in_past",
    request: (f) => ({
      method: "PATCH",
      path: `/v1/management-tokens/${f.bootstrapTokenId}`,
      body: { expires_at: "2020-01-01T00:00:00Z" },
    }),
    status: 422,
    code: "expiry_in_past",
    field: "/body/expires_at",
  },
  {
    name: "when a revoked management token is rotated, then 409 token_revoked",
    request: (f) => ({
      method: "POST",
      path: `/v1/management-tokens/${f.revokedTokenId}/rotate`,
      body: { grace_period_seconds: 60 },
    }),
    status: 409,
    code: "token_revoked",
    field: null,
  },
  {
    name: "when a revoked management token is changed, then 409 token_revoked",
    request: (f) => ({ method: "PATCH", path: `/v1/management-tokens/${f.revokedTokenId}`, body: { name: "back" } }),
    status: 409,
    code: "token_revoked",
    field: null,
  },
  {
    name: "when the last token with tokens:manage is revoked, then 409 last_manage_token",
    request: (f) => ({ method: "DELETE", path: `/v1/management-tokens/${f.bootstrapTokenId}` }),
    status: 409,
    code: "last_manage_token",
    field: null,
  },
  {
    name: "when a management token is looked up by an id of the wrong kind, then 400 at /params/token_id",
    request: (f) => ({ path: `/v1/management-tokens/${f.keyId}` }),
    status: 400,
    code: "validation_failed",
    field: "/params/token_id",
  },
  {
    name: "when a management token is issued to an unknown user, then 422 unknown_user",
    request: () => ({
      method: "POST",
      path: "/v1/management-tokens",
      body: { name: "ghost", scopes: ["users:read"], user_id: MISSING_USER },
    }),
    status: 422,
    code: "unknown_user",
    field: "/body/user_id",
  },
  {
    name: "when PUT /v1/users is called, then 405 method_not_allowed",
    request: () => ({ method: "PUT", path: "/v1/users", body: { username: "put-user", name: "P" } }),
    status: 405,
    code: "method_not_allowed",
    field: null,
  },
  {
    name: "when DELETE /v1/settings is called, then 405 method_not_allowed",
    request: () => ({ method: "DELETE", path: "/v1/settings" }),
    status: 405,
    code: "method_not_allowed",
    field: null,
  },
  {
    name: "when an unknown route is called, then 404 not_found",
    request: () => ({ path: "/v1/widgets" }),
    status: 404,
    code: "not_found",
    field: null,
  },
];

describe("bad input: exact 4xx, problem+json, stable code, the offending field, nothing changed", () => {
  it("has at least 35 cases, each validation problem naming a field", () => {
    expect(cases.length).toBeGreaterThanOrEqual(35);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(cases.filter((c) => c.code === "validation_failed" && c.field === null)).toEqual([]);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const before = await h.dataFingerprint();
      const response = await raw(h, c.request(f));

      expect({ status: response.status, body: response.json }).toMatchObject({
        status: c.status,
        body: { code: c.code },
      });
      expect(response.contentType).toMatch(/^application\/problem\+json\b/);
      expect(response.json).toEqual(
        expect.objectContaining({
          type: `https://keyward.dev/problems/${c.code}`,
          title: expect.any(String),
          status: c.status,
          detail: expect.any(String),
          code: c.code,
        }),
      );
      expect(String(response.json?.detail).length).toBeGreaterThan(0);
      if (c.field !== null) {
        const errors = response.json?.errors as Array<{ path: string; message: string }> | undefined;
        expect(errors?.map((e) => e.path)).toContain(c.field);
        for (const error of errors ?? []) {
          expect(error.message).toEqual(expect.any(String));
        }
      }
      expect(await h.dataFingerprint()).toBe(before);
    });
  }
});
