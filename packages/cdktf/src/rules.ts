// What the Keyward server refuses, checked at synth time so a mistake fails `synth` with a sentence instead of an
// apply with a 400/422. The rules are the contract's (@keyward/contract, generated from openapi.yaml).
import {
  ipRuleError,
  isRfc3339Timestamp,
  permissionCatalog,
  presetNamePattern,
  usernamePattern,
} from "@keyward/contract";
import { Token } from "cdktf";

/** One grant: `actions` on `resource`, optionally limited to `fields` (absent = every field; `id` always visible). */
export interface PermissionGrant {
  readonly resource: string;
  readonly actions: readonly string[];
  readonly fields?: readonly string[];
}

/** A value only known at apply time (a token such as a variable or a reference) can't be checked at synth. */
const known = (value: unknown): boolean => !Token.isUnresolved(value);

function fail(owner: string, message: string): never {
  throw new Error(`${owner}: ${message}`);
}

export function checkUsername(owner: string, username: string): void {
  if (known(username) && !usernamePattern.test(username)) {
    fail(
      owner,
      `"${username}" is not a valid username: use 2-63 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit.`,
    );
  }
}

/** A free text the contract bounds (e.g. a display name: 1-200 characters). */
export function checkLength(owner: string, what: string, value: string, min: number, max: number): void {
  if (known(value) && (value.length < min || value.length > max)) {
    fail(owner, `${what} must be ${min}-${max} characters long (got ${value.length}).`);
  }
}

/** A well-formed name of one of the contract's presets (x-keyward-presets). */
export function checkPreset(owner: string, preset: string): void {
  if (!known(preset)) {
    return;
  }
  if (!presetNamePattern.test(preset)) {
    fail(owner, `"${preset}" is not a preset name (e.g. events_read; the keyward_permissions data source lists them).`);
  }
  if (!permissionCatalog.presets.some((candidate) => candidate.name === preset)) {
    fail(owner, `unknown preset "${preset}" (presets: ${permissionCatalog.presets.map((p) => p.name).join(", ")}).`);
  }
}

/** Refuses an empty list, unknown resources, actions a resource doesn't have, unknown fields and empty action lists. */
export function checkPermissions(owner: string, grants: readonly PermissionGrant[]): void {
  if (grants.length === 0) {
    fail(owner, "permissions must grant at least one action (an empty list would give the key no access at all).");
  }
  for (const grant of grants) {
    if (!known(grant.resource)) {
      continue;
    }
    const entry = permissionCatalog.resources.find((resource) => resource.name === grant.resource);
    if (!entry) {
      fail(
        owner,
        `unknown resource "${grant.resource}" (resources: ${permissionCatalog.resources.map((r) => r.name).join(", ")}).`,
      );
    }
    if (grant.actions.length === 0) {
      fail(owner, `the grant on ${grant.resource} lists no action (actions: ${entry.actions.join(", ")}).`);
    }
    for (const action of grant.actions.filter(known)) {
      if (!(entry.actions as readonly string[]).includes(action)) {
        fail(owner, `${grant.resource} has no action "${action}" (allowed: ${entry.actions.join(", ")}).`);
      }
    }
    for (const field of (grant.fields ?? []).filter(known)) {
      if (!entry.fields.includes(field)) {
        fail(owner, `${grant.resource} has no field "${field}" (fields: ${entry.fields.join(", ")}).`);
      }
    }
  }
}

/** An RFC 3339 timestamp strictly in the future (relative to `now`, i.e. synth time). */
export function checkExpiry(owner: string, expiresAt: string, now: Date = new Date()): void {
  if (!known(expiresAt)) {
    return;
  }
  if (!isRfc3339Timestamp(expiresAt)) {
    fail(owner, `expiresAt "${expiresAt}" is not an RFC 3339 timestamp (e.g. 2027-06-30T00:00:00Z).`);
  }
  if (Date.parse(expiresAt) <= now.getTime()) {
    fail(owner, `expiresAt ${expiresAt} is in the past; the server refuses a key that is already expired.`);
  }
}

/** Each rule an IPv4/IPv6 address or CIDR range without host bits, exactly as the server parses them. */
export function checkAllowedIps(owner: string, rules: readonly string[]): void {
  for (const rule of rules.filter(known)) {
    const error = ipRuleError(rule);
    if (error) {
      fail(owner, `allowedIps: ${error}.`);
    }
  }
}
