// The best-practice set-up of one integration (README, "CDKTF"), planned without a construct library: a dedicated
// integration user (never an administrator), a role granting exactly what the integration needs, and a key owned by
// that user with the same scope, optionally expiring and limited to some client addresses. What the server would
// refuse is refused here, at synth time, with a sentence naming the construct. @keyward/cdktf and @keyward/cdktn
// declare the planned resources with their own bindings.
import {
  type CheckContext,
  checkAllowedIps,
  checkExpiry,
  checkLength,
  checkPermissions,
  checkPreset,
  checkUsername,
  fail,
  type PermissionGrant,
} from "./rules.js";

/** What an integration needs, whatever the construct library. */
export interface IntegrationAccessOptions {
  /**
   * The integration's name, e.g. `website`: the username of its user and the name of its key; its role is named
   * `<name>-access`. A valid username: 2-63 lowercase letters, digits, `.`, `_` or `-`.
   */
  readonly name: string;
  /** The user's display name. Defaults to `name`. */
  readonly displayName?: string;
  /** A contact address for the integration's owner. */
  readonly email?: string;
  /** What the key is used for. */
  readonly description?: string;
  /** Exactly what the integration may do. Give either `permissions` or `preset`. */
  readonly permissions?: readonly PermissionGrant[];
  /** A preset of the permission catalog (e.g. `events_read`) instead of `permissions`. */
  readonly preset?: string;
  /**
   * Per resource, the only fields the integration may see or set (`id` is always visible),
   * e.g. `{ people: ["first_name"] }`.
   */
  readonly fieldLimits?: Readonly<Record<string, readonly string[]>>;
  /** When the key stops working: an RFC 3339 timestamp or a Date, in the future. Default: never. */
  readonly expiresAt?: string | Date;
  /** Client addresses or CIDR ranges allowed to use the key. Default: any. */
  readonly allowedIps?: readonly string[];
}

/** A grant as the bindings take it (`permissions` of keyward_role and keyward_api_key). */
export interface PlannedGrant {
  resource: string;
  actions: string[];
  fields?: string[];
}

/** Role and key get the same scope: a preset, or the grants with the field limits applied. */
export type PlannedScope =
  | { preset: string; permissions?: undefined }
  | { permissions: PlannedGrant[]; preset?: undefined };

/** The three resources' settings, in the bindings' property names; the references between them are the library's. */
export interface IntegrationAccessPlan {
  readonly role: PlannedScope & { name: string; description: string };
  readonly user: { username: string; name: string; email?: string };
  readonly key: PlannedScope & { name: string; description: string; expiresAt?: string; allowedIps?: string[] };
}

/** Checks `options` against what the server accepts and plans the user, role and key; throws on the first refusal. */
export function planIntegrationAccess(
  context: CheckContext,
  options: IntegrationAccessOptions,
  now: Date = new Date(),
): IntegrationAccessPlan {
  const scope = resolveScope(context, options);
  checkUsername(context, options.name);
  if (options.displayName !== undefined) {
    checkLength(context, "displayName", options.displayName, 1, 200);
  }
  if (options.description !== undefined) {
    checkLength(context, "description", options.description, 0, 1000);
  }
  const expiresAt = options.expiresAt instanceof Date ? options.expiresAt.toISOString() : options.expiresAt;
  if (expiresAt !== undefined) {
    checkExpiry(context, expiresAt, now);
  }
  if (options.allowedIps) {
    checkAllowedIps(context, options.allowedIps);
  }
  return {
    role: {
      // A valid username plus "-access" is a valid role name.
      name: `${options.name}-access`,
      description: `Least-privilege access of the ${options.name} integration.`,
      ...scope,
    },
    user: { username: options.name, name: options.displayName ?? options.name, email: options.email },
    key: {
      name: options.name,
      description: options.description ?? `Key of the ${options.name} integration.`,
      expiresAt,
      allowedIps: options.allowedIps ? [...options.allowedIps] : undefined,
      ...scope,
    },
  };
}

/** The scope of role and key: the preset, or the permissions with `fieldLimits` applied, after every check. */
function resolveScope(context: CheckContext, options: IntegrationAccessOptions): PlannedScope {
  if (options.preset !== undefined && options.permissions !== undefined) {
    fail(context, "give either permissions or a preset, not both.");
  }
  if (options.preset !== undefined) {
    checkPreset(context, options.preset);
    if (options.fieldLimits !== undefined) {
      fail(context, "fieldLimits need explicit permissions; a preset grants every field of its resources.");
    }
    return { preset: options.preset };
  }
  if (options.permissions === undefined) {
    return fail(context, "give permissions (or a preset): an integration without access needs no key.");
  }
  const limits = options.fieldLimits ?? {};
  for (const resource of Object.keys(limits)) {
    const grant = options.permissions.find((g) => g.resource === resource);
    if (!grant) {
      fail(context, `fieldLimits names ${resource}, which permissions don't grant.`);
    } else if (grant.fields !== undefined) {
      fail(context, `fields of ${resource} are given both in its grant and in fieldLimits; give them once.`);
    }
  }
  const permissions = options.permissions.map((grant) => {
    const fields = grant.fields ?? (Object.hasOwn(limits, grant.resource) ? limits[grant.resource] : undefined);
    return { resource: grant.resource, actions: [...grant.actions], ...(fields ? { fields: [...fields] } : {}) };
  });
  checkPermissions(context, permissions);
  return { permissions };
}
