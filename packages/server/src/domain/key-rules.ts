// Rules about a key's life: status, expiry policy, inactivity.

import { ipRuleError } from "@keyward/contract";
import { KeywardError } from "./errors.js";
import type { ApiKey, ApiKeyStatus, KeyRecord, SettingsRecord } from "./types.js";

const DAY_MS = 86_400_000;

/** `revoked` wins over `expired`, which wins over `disabled`. */
export function keyStatus(key: Pick<KeyRecord, "revoked_at" | "expires_at" | "active">, now: Date): ApiKeyStatus {
  if (key.revoked_at) {
    return "revoked";
  }
  if (key.expires_at && Date.parse(key.expires_at) <= now.getTime()) {
    return "expired";
  }
  if (!key.active) {
    return "disabled";
  }
  return "active";
}

/** The public view of a stored key: hashes dropped, status derived. */
export function publicKey(record: KeyRecord, lastUsedAt: string | null, now: Date): ApiKey {
  const {
    token_hash: _hash,
    previous_token_hash: _prev,
    previous_token_expires_at: _prevExp,
    inactivity_since: _since,
    ...rest
  } = record;
  return { ...rest, last_used_at: lastUsedAt, status: keyStatus(record, now) };
}

export function checkExpiry(expiresAt: string | null | undefined, settings: SettingsRecord, now: Date): void {
  if (expiresAt === undefined) {
    return;
  }
  const limitDays = settings.max_key_lifetime_days;
  if (expiresAt === null) {
    if (limitDays !== null) {
      throw new KeywardError(
        "expiry_beyond_policy",
        `Keys must expire within ${limitDays} days (workspace policy); set expires_at.`,
        {
          errors: [{ path: "/body/expires_at", message: `required by the ${limitDays}-day lifetime policy` }],
        },
      );
    }
    return;
  }
  checkFuture(expiresAt, now);
  const at = Date.parse(expiresAt);
  if (limitDays !== null && at > now.getTime() + limitDays * DAY_MS) {
    throw new KeywardError(
      "expiry_beyond_policy",
      `expires_at ${expiresAt} is beyond the ${limitDays}-day key lifetime policy.`,
      {
        errors: [{ path: "/body/expires_at", message: `must be within ${limitDays} days` }],
      },
    );
  }
}

/** An expiry given in a request must lie ahead (null = never, undefined = unchanged). */
export function checkFuture(expiresAt: string | null | undefined, now: Date): void {
  if (expiresAt === undefined || expiresAt === null) {
    return;
  }
  if (Date.parse(expiresAt) <= now.getTime()) {
    throw new KeywardError("expiry_in_past", `expires_at ${expiresAt} is not in the future.`, {
      errors: [{ path: "/body/expires_at", message: "must be in the future" }],
    });
  }
}

export function checkAllowedIps(rules: readonly string[] | undefined): void {
  if (!rules) {
    return;
  }
  const errors = rules.flatMap((rule, index) => {
    const message = ipRuleError(rule);
    return message ? [{ path: `/body/allowed_ips/${index}`, message }] : [];
  });
  if (errors.length > 0) {
    throw new KeywardError("invalid_cidr", errors.map((e) => e.message).join("; "), { errors });
  }
}

// A key in use is checked against the same last-use time by request after request: parsed once per distinct text.
let lastUseParsed = { text: "", time: Number.NaN };

function parseLastUse(text: string): number {
  if (text !== lastUseParsed.text) {
    lastUseParsed = { text, time: Date.parse(text) };
  }
  return lastUseParsed.time;
}

/** An active key unused for `key_inactivity_days` (0 = never) gets disabled with reason `inactivity`. */
export function isInactive(key: KeyRecord, lastUsedAt: string | null, settings: SettingsRecord, now: Date): boolean {
  const days = settings.key_inactivity_days;
  if (days === 0 || keyStatus(key, now) !== "active") {
    return false;
  }
  const cutoff = now.getTime() - days * DAY_MS;
  // Used since the cutoff decides it alone (a key in use: every authentication asks), else the start of the count.
  if (lastUsedAt && parseLastUse(lastUsedAt) > cutoff) {
    return false;
  }
  return Date.parse(key.inactivity_since) <= cutoff;
}

export const DEFAULT_SETTINGS = (now: Date): SettingsRecord => ({
  features: { external_connectivity: true },
  key_inactivity_days: 90,
  max_key_lifetime_days: null,
  revoked_key_retention_days: 30,
  updated_at: now.toISOString(),
});
