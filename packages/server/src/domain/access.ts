// Every access decision, in the order the README gives ("Running the server"): authenticate (401) → feature switch (402) →
// permission (403) → field scope. Runs from memory only; usage is recorded without a write.
import { ipAllowed, parseKeywardToken } from "@keyward/contract";
import { catalogView } from "./catalog.js";
import { auditEvent, type Context, settingsOrDefault } from "./context.js";
import { isInactive, keyStatus } from "./key-rules.js";
import { effectivePermissions, effectiveScope, type FieldScope, forbiddenFields, scopeOf } from "./permissions.js";
import type { CredentialReads, StoragePort, TokenMatch } from "./ports.js";
import { hashToken, sameHash } from "./tokens.js";
import type {
  Action,
  Actor,
  KeyRecord,
  ManagementTokenRecord,
  PermissionGrant,
  ResourceName,
  RoleRecord,
  SettingsRecord,
  UserRecord,
  VerifyReason,
} from "./types.js";

export type AuthFailure =
  | Exclude<VerifyReason, "ok" | "feature_disabled" | "permission_denied" | "field_not_allowed">
  | "missing_token";

export type Principal =
  | { kind: "key"; key: KeyRecord; user: UserRecord; roleGrants: readonly PermissionGrant[]; settings: SettingsRecord }
  | { kind: "admin"; token: ManagementTokenRecord; user: UserRecord };

export type Authentication = { ok: true; principal: Principal } | { ok: false; reason: AuthFailure; detail: string };

export type Authorization =
  | { ok: true; scope: FieldScope }
  | {
      ok: false;
      reason: "feature_disabled" | "permission_denied" | "field_not_allowed";
      detail: string;
      fields?: string[];
      missing?: string;
    };

const fail = (reason: AuthFailure, detail: string): Authentication => ({ ok: false, reason, detail });

/** The hash matched (in constant time) and, when it is a rotated-out secret, its grace period still runs. */
function matches(match: TokenMatch<KeyRecord | ManagementTokenRecord>, hash: string, now: Date): boolean {
  const { record, previous } = match;
  const expected = previous ? record.previous_token_hash : record.token_hash;
  if (!expected || !sameHash(expected, hash)) {
    return false;
  }
  return (
    !previous ||
    (record.previous_token_expires_at !== null && Date.parse(record.previous_token_expires_at) > now.getTime())
  );
}

export function accessService(ctx: Context, hooks: { onInactiveKey: (keyId: string) => void }) {
  const { store, clock, catalog } = ctx;
  let lastUse = { time: Number.NaN, text: "" };

  /**
   * Records that a credential was used at `now`. Formatting a time costs about as much as the rest of a key check,
   * and a busy server authenticates many requests within one millisecond: each millisecond is formatted once.
   */
  function recordUse(credentialId: string, now: Date): void {
    const time = now.getTime();
    if (time !== lastUse.time) {
      lastUse = { time, text: now.toISOString() };
    }
    store.recordKeyUse(credentialId, lastUse.text);
  }

  /**
   * A management token (`kwa_…`) by the hash of its secret: for a bearer token, and again on every request of a
   * console session opened with one (so a revoked, disabled, expired or rotated-out token ends the session).
   */
  function authenticateManagementHash(hash: string, now: Date = clock()): Authentication | Promise<Authentication> {
    const reads = store.credentials;
    return reads
      ? managementToken(reads, hash, now)
      : fetchCredentials(store, hash).then((fetched) => managementToken(fetched, hash, now));
  }

  function managementToken(reads: CredentialReads, hash: string, now: Date): Authentication {
    const match = reads.managementTokenByHash(hash);
    if (!match || !matches(match, hash, now)) {
      return fail(
        "invalid_token",
        match?.previous ? `This secret of management token ${match.record.name} was rotated out.` : "Unknown token.",
      );
    }
    const token = match.record;
    const status = keyStatus(token, now);
    if (status === "revoked") {
      return fail("key_revoked", `Management token ${token.name} was revoked.`);
    }
    if (status === "expired") {
      return fail("key_expired", `Management token ${token.name} expired at ${token.expires_at}.`);
    }
    if (status === "disabled") {
      return fail("key_disabled", `Management token ${token.name} is disabled.`);
    }
    const user = reads.user(token.user_id);
    if (!user) {
      return fail("invalid_token", "The token's user no longer exists.");
    }
    if (!user.active) {
      return fail("owner_inactive", `The token's user ${user.username} is inactive.`);
    }
    recordUse(token.id, now);
    return { ok: true, principal: { kind: "admin", token, user } };
  }

  /** Synchronous when the store reads credentials from memory (both built-in adapters). */
  function authenticate(
    token: string | undefined,
    clientIp: string | undefined,
  ): Authentication | Promise<Authentication> {
    if (!token) {
      return fail(
        "missing_token",
        "No token: send `Authorization: Bearer <token>` or HTTP Basic with the token as password.",
      );
    }
    const parsed = parseKeywardToken(token);
    if (!parsed.ok) {
      return fail("malformed_token", "The token is malformed or its checksum is wrong (mistyped?).");
    }
    const hash = hashToken(token);
    const now = clock();
    if (parsed.kind === "admin") {
      return authenticateManagementHash(hash, now);
    }
    const reads = store.credentials;
    return reads
      ? integrationKey(reads, hash, clientIp, now)
      : fetchCredentials(store, hash).then((fetched) => integrationKey(fetched, hash, clientIp, now));
  }

  function integrationKey(
    reads: CredentialReads,
    hash: string,
    clientIp: string | undefined,
    now: Date,
  ): Authentication {
    const match = reads.keyByTokenHash(hash);
    if (!match) {
      return fail("invalid_token", "Unknown token.");
    }
    if (!matches(match, hash, now)) {
      return fail(
        "invalid_token",
        match.previous ? `This token of key #${match.record.number} was rotated out.` : "Unknown token.",
      );
    }
    const key = match.record;
    const status = keyStatus(key, now);
    if (status === "revoked") {
      return fail("key_revoked", `Key #${key.number} was revoked.`);
    }
    if (status === "expired") {
      return fail("key_expired", `Key #${key.number} expired at ${key.expires_at}.`);
    }
    if (status === "disabled") {
      return fail("key_disabled", `Key #${key.number} is disabled (${key.disabled_reason ?? "manual"}).`);
    }
    const settings = settingsOrDefault(reads.settings(), now);
    if (isInactive(key, store.lastUsedAt(key.id), settings, now)) {
      hooks.onInactiveKey(key.id);
      return fail(
        "key_disabled",
        `Key #${key.number} was unused for ${settings.key_inactivity_days} days and is disabled.`,
      );
    }
    const user = reads.user(key.user_id);
    if (!user) {
      return fail("owner_inactive", `The owner of key #${key.number} no longer exists.`);
    }
    if (!user.active) {
      return fail("owner_inactive", `The owner of key #${key.number} (${user.username}) is inactive.`);
    }
    if (!ipAllowed(key.allowed_ips, clientIp)) {
      return fail("ip_not_allowed", `Key #${key.number} may not be used from ${clientIp ?? "an unknown address"}.`);
    }
    recordUse(key.id, now);
    return { ok: true, principal: { kind: "key", key, user, roleGrants: roleGrantsOf(reads, user), settings } };
  }

  // Stored records are frozen and replaced on every change, so a grant list that is still the same object still
  // grants the same: a user's role grants are joined, and a key's scope within them worked out, once per version.
  const joinedRoleGrants = new WeakMap<UserRecord, { roles: (RoleRecord | undefined)[]; grants: PermissionGrant[] }>();
  const scopes = new WeakMap<
    readonly PermissionGrant[],
    WeakMap<readonly PermissionGrant[], Map<string, FieldScope | null>>
  >();

  function roleGrantsOf(reads: CredentialReads, user: UserRecord): readonly PermissionGrant[] {
    const joined = joinedRoleGrants.get(user);
    if (joined && user.role_ids.every((id, index) => reads.role(id) === joined.roles[index])) {
      return joined.grants;
    }
    const roles = user.role_ids.map((id) => reads.role(id));
    const grants = roles.flatMap((role) => role?.permissions ?? []);
    joinedRoleGrants.set(user, { roles, grants });
    return grants;
  }

  function scopeWithinRoles(
    principal: Extract<Principal, { kind: "key" }>,
    resource: ResourceName,
    action: Action,
  ): FieldScope | null {
    const keyGrants = principal.key.permissions;
    let byRoles = scopes.get(keyGrants);
    if (!byRoles) {
      byRoles = new WeakMap();
      scopes.set(keyGrants, byRoles);
    }
    let byPermission = byRoles.get(principal.roleGrants);
    if (!byPermission) {
      byPermission = new Map();
      byRoles.set(principal.roleGrants, byPermission);
    }
    const permission = `${resource}:${action}`;
    let scope = byPermission.get(permission);
    if (scope === undefined) {
      scope = effectiveScope(keyGrants, principal.roleGrants, resource, action);
      byPermission.set(permission, scope);
    }
    return scope;
  }

  /** Synchronous: everything it needs was read while authenticating this request. */
  function authorize(
    principal: Extract<Principal, { kind: "key" }>,
    resource: ResourceName,
    action: Action,
    writtenFields: readonly string[] = [],
  ): Authorization {
    // The settings read while authenticating this same request.
    if (!principal.settings.features.external_connectivity) {
      return {
        ok: false,
        reason: "feature_disabled",
        detail: "External connectivity is switched off for this workspace.",
      };
    }
    const scope = scopeWithinRoles(principal, resource, action);
    if (scope === null) {
      const missing = `${resource}:${action}`;
      const keyGrantsIt = scopeOf(principal.key.permissions, resource, action) !== null;
      const who = keyGrantsIt ? `the roles of ${principal.user.username}` : `key #${principal.key.number}`;
      return {
        ok: false,
        reason: "permission_denied",
        detail: `The permission ${missing} is not granted by ${who}.`,
        missing,
      };
    }
    return authorizeFields(scope, resource, writtenFields);
  }

  /** Whether a write within `scope` (what `authorize` granted) may set `writtenFields`. */
  function authorizeFields(scope: FieldScope, resource: ResourceName, writtenFields: readonly string[]): Authorization {
    const forbidden = forbiddenFields(writtenFields, scope);
    if (forbidden.length > 0) {
      return {
        ok: false,
        reason: "field_not_allowed",
        detail: `Not allowed to write ${forbidden.join(", ")} on ${resource}.`,
        fields: forbidden,
      };
    }
    return { ok: true, scope };
  }

  /** Writes a refusal to the audit log (never the token). Not awaited by callers on the hot path. */
  function recordRefusal(
    reason: string,
    principal: Principal | undefined,
    request: { method: string; path: string; ip?: string },
  ) {
    const actor = principal ? actorOf(principal) : { type: "anonymous" as const, id: null };
    const event = auditEvent(clock(), "key.refused", actor, { type: "request", id: null }, [], {
      reason,
      request: { method: request.method, path: request.path, ...(request.ip !== undefined && { ip: request.ip }) },
    });
    void store.appendAudit([event]).catch(() => undefined);
  }

  return {
    authenticate,
    authenticateManagementHash,
    authorize,
    authorizeFields,
    recordRefusal,

    me(principal: Extract<Principal, { kind: "key" }>) {
      const { key, user } = principal;
      return {
        key: { id: key.id, name: key.name, prefix: key.prefix, expires_at: key.expires_at },
        user: { id: user.id, username: user.username },
        permissions: effectivePermissions(key.permissions, principal.roleGrants, catalog),
      };
    },

    catalog: () => catalogView(catalog),

    /** `POST /v1/keys/verify`: the whole decision for another service, always an answer, never a throw. */
    async verify(input: { token: string; resource: ResourceName; action: Action; fields?: string[]; ip?: string }) {
      const refused = (reason: VerifyReason, key: KeyRecord | null = null, fields?: string[]) => ({
        allowed: false,
        reason,
        key_id: key?.id ?? null,
        user_id: key?.user_id ?? null,
        allowed_fields: null,
        ...(fields && { refused_fields: fields }),
      });
      const authn = await authenticate(input.token, input.ip);
      const request = {
        method: "VERIFY",
        path: `${input.resource}:${input.action}`,
        ...(input.ip !== undefined && { ip: input.ip }),
      };
      if (!authn.ok) {
        recordRefusal(authn.reason, undefined, request);
        return refused(authn.reason === "missing_token" ? "malformed_token" : authn.reason);
      }
      if (authn.principal.kind !== "key") {
        return refused("invalid_token");
      }
      const principal = authn.principal;
      const authz = authorize(principal, input.resource, input.action, input.fields);
      if (!authz.ok) {
        recordRefusal(authz.reason, principal, request);
        return refused(authz.reason, principal.key, authz.fields);
      }
      const fields = catalog.resources.get(input.resource)?.fields ?? [];
      return {
        allowed: true,
        reason: "ok" as const,
        key_id: principal.key.id,
        user_id: principal.user.id,
        allowed_fields:
          authz.scope === "all"
            ? [...fields]
            : fields.filter((field) => (authz.scope as ReadonlySet<string>).has(field)),
      };
    },
  };
}

/** Who acts, for the audit log: a key, or an admin user with the management token used. */
export function actorOf(principal: Principal): Actor {
  return principal.kind === "key"
    ? { type: "key", id: principal.key.id }
    : { type: "admin", id: principal.user.id, token_id: principal.token.id };
}

/**
 * For an adapter without in-memory reads: every record authenticating `hash` may read (its credential, the owner,
 * the owner's roles, the settings), fetched first, so the rules above run once either way.
 */
async function fetchCredentials(store: StoragePort, hash: string): Promise<CredentialReads> {
  const [key, token, settings] = await Promise.all([
    store.keyByTokenHash(hash),
    store.managementTokenByHash(hash),
    store.read.settings(),
  ]);
  const ownerId = (key ?? token)?.record.user_id;
  const user = ownerId === undefined ? undefined : await store.read.users.get(ownerId);
  const roles = await Promise.all((user?.role_ids ?? []).map((id) => store.read.roles.get(id)));
  return {
    keyByTokenHash: (candidate) => (candidate === hash ? key : undefined),
    managementTokenByHash: (candidate) => (candidate === hash ? token : undefined),
    user: (id) => (id === user?.id ? user : undefined),
    role: (id) => roles.find((role) => role?.id === id),
    settings: () => settings,
  };
}
