// What the Keyward server refuses, checked at synth time so a mistake fails `synth` with a sentence instead of an
// apply with a 400/422. The rules are the contract's (@keyward/contract, generated from openapi.yaml). A value known
// only at apply time (a variable, a reference) can't be checked at synth: the construct library says which those are.
import {
  ipRuleError,
  isRfc3339Timestamp,
  permissionCatalog,
  presetNamePattern,
  usernamePattern,
} from "@keyward/contract";

/** One grant: `actions` on `resource`, optionally limited to `fields` (absent = every field; `id` always visible). */
export interface PermissionGrant {
  readonly resource: string;
  readonly actions: readonly string[];
  readonly fields?: readonly string[];
}

/** Whose props are checked (for the messages) and how the construct library marks values known only at apply. */
export interface CheckContext {
  /** Starts every message, e.g. `IntegrationAccess "stack/website"`. */
  readonly owner: string;
  /** The library's `Token.isUnresolved` (cdktf, cdktn): true for a value known only at apply time. */
  readonly isUnresolved: (value: unknown) => boolean;
}

/** Refuses the props: the message starts with the owner's name. */
export function fail({ owner }: CheckContext, message: string): never {
  throw new Error(`${owner}: ${message}`);
}

export function checkUsername(context: CheckContext, username: string): void {
  if (!context.isUnresolved(username) && !usernamePattern.test(username)) {
    fail(
      context,
      `"${username}" is not a valid username: use 2-63 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit.`,
    );
  }
}

/** A free text the contract bounds (e.g. a display name: 1-200 characters). */
export function checkLength(context: CheckContext, what: string, value: string, min: number, max: number): void {
  if (!context.isUnresolved(value) && (value.length < min || value.length > max)) {
    fail(context, `${what} must be ${min}-${max} characters long (got ${value.length}).`);
  }
}

/** A well-formed name of one of the contract's presets (x-keyward-presets). */
export function checkPreset(context: CheckContext, preset: string): void {
  if (context.isUnresolved(preset)) {
    return;
  }
  if (!presetNamePattern.test(preset)) {
    fail(
      context,
      `"${preset}" is not a preset name (e.g. events_read; the keyward_permissions data source lists them).`,
    );
  }
  if (!permissionCatalog.presets.some((candidate) => candidate.name === preset)) {
    fail(context, `unknown preset "${preset}" (presets: ${permissionCatalog.presets.map((p) => p.name).join(", ")}).`);
  }
}

/** Refuses an empty list, unknown resources, actions a resource doesn't have, unknown fields and empty action lists. */
export function checkPermissions(context: CheckContext, grants: readonly PermissionGrant[]): void {
  if (grants.length === 0) {
    fail(context, "permissions must grant at least one action (an empty list would give the key no access at all).");
  }
  for (const grant of grants) {
    if (context.isUnresolved(grant.resource)) {
      continue;
    }
    const entry = permissionCatalog.resources.find((resource) => resource.name === grant.resource);
    if (!entry) {
      fail(
        context,
        `unknown resource "${grant.resource}" (resources: ${permissionCatalog.resources.map((r) => r.name).join(", ")}).`,
      );
    }
    if (grant.actions.length === 0) {
      fail(context, `the grant on ${grant.resource} lists no action (actions: ${entry.actions.join(", ")}).`);
    }
    for (const action of grant.actions.filter((value) => !context.isUnresolved(value))) {
      if (!(entry.actions as readonly string[]).includes(action)) {
        fail(context, `${grant.resource} has no action "${action}" (allowed: ${entry.actions.join(", ")}).`);
      }
    }
    for (const field of (grant.fields ?? []).filter((value) => !context.isUnresolved(value))) {
      if (!entry.fields.includes(field)) {
        fail(context, `${grant.resource} has no field "${field}" (fields: ${entry.fields.join(", ")}).`);
      }
    }
  }
}

/** An RFC 3339 timestamp strictly in the future (relative to `now`, i.e. synth time). */
export function checkExpiry(context: CheckContext, expiresAt: string, now: Date = new Date()): void {
  if (context.isUnresolved(expiresAt)) {
    return;
  }
  if (!isRfc3339Timestamp(expiresAt)) {
    fail(context, `expiresAt "${expiresAt}" is not an RFC 3339 timestamp (e.g. 2027-06-30T00:00:00Z).`);
  }
  if (Date.parse(expiresAt) <= now.getTime()) {
    fail(context, `expiresAt ${expiresAt} is in the past; the server refuses a key that is already expired.`);
  }
}

/** Each rule an IPv4/IPv6 address or CIDR range without host bits, exactly as the server parses them. */
export function checkAllowedIps(context: CheckContext, rules: readonly string[]): void {
  for (const rule of rules.filter((value) => !context.isUnresolved(value))) {
    const error = ipRuleError(rule);
    if (error) {
      fail(context, `allowedIps: ${error}.`);
    }
  }
}
