// Storing tokens. The format and the generator (prefixes, random part, checksum) are the contract's
// (@keyward/contract `generateKeywardToken`); here is the part only the server does: hashing (only SHA-256 hashes are
// stored) and the display prefix.
import { hash, timingSafeEqual } from "node:crypto";
import { TOKEN_PREFIX } from "@keyward/contract";

/** Characters of the random part kept in `prefix`, enough to recognise a key, far too few to guess it. */
const DISPLAY_RANDOM_CHARS = 6;

export function hashToken(token: string): string {
  return hash("sha256", token, "hex");
}

const SHA256_BYTES = 32;
// Decoded into these two buffers, reused by every comparison (synchronous, so never two at once).
const leftDigest = Buffer.alloc(SHA256_BYTES);
const rightDigest = Buffer.alloc(SHA256_BYTES);
/** The value of each hex digit by its char code; -1 for anything else. */
const HEX_DIGITS = new Int8Array(128).fill(-1);
for (const [index, digit] of [..."0123456789abcdef"].entries()) {
  HEX_DIGITS[digit.charCodeAt(0)] = index;
  HEX_DIGITS[digit.toUpperCase().charCodeAt(0)] = index;
}

/** Decodes a SHA-256 hex digest into `bytes`, in place (Buffer's hex decoding costs more than a digest's hash). */
function decodeDigest(hex: string, bytes: Buffer): boolean {
  if (hex.length !== SHA256_BYTES * 2) {
    return false;
  }
  for (let index = 0; index < SHA256_BYTES; index++) {
    const high = HEX_DIGITS[hex.charCodeAt(2 * index)] ?? -1;
    const low = HEX_DIGITS[hex.charCodeAt(2 * index + 1)] ?? -1;
    if (high < 0 || low < 0) {
      return false;
    }
    bytes[index] = (high << 4) | low;
  }
  return true;
}

/**
 * Constant-time comparison of two SHA-256 hex digests (the lookup is by hash; this guards the final match).
 * Anything that is not such a digest matches nothing.
 */
export function sameHash(a: string, b: string): boolean {
  return decodeDigest(a, leftDigest) && decodeDigest(b, rightDigest) && timingSafeEqual(leftDigest, rightDigest);
}

export function displayPrefix(token: string): string {
  const kindPrefix = token.startsWith(TOKEN_PREFIX.admin) ? TOKEN_PREFIX.admin : TOKEN_PREFIX.key;
  return token.slice(0, kindPrefix.length + DISPLAY_RANDOM_CHARS);
}

/** The stored fields every token record carries, whether an API key's or a management token's. */
interface RevocableRecord {
  revoked_at: string | null;
  updated_at: string;
  previous_token_hash: string | null;
  previous_token_expires_at: string | null;
}

/** A key or management token revoked at `now`: its rotated-out predecessor stops working with it. */
export function revoked<T extends RevocableRecord>(record: T, now: Date): T {
  const at = now.toISOString();
  return { ...record, revoked_at: at, updated_at: at, previous_token_hash: null, previous_token_expires_at: null };
}

/**
 * A key or management token moved to `token` at `now`: with a grace period its old token keeps working until then,
 * without one it stops at once.
 */
export function rotated<T extends RevocableRecord & { token_hash: string; prefix: string }>(
  record: T,
  token: string,
  gracePeriodSeconds: number,
  now: Date,
): T {
  const grace = gracePeriodSeconds > 0;
  return {
    ...record,
    token_hash: hashToken(token),
    prefix: displayPrefix(token),
    previous_token_hash: grace ? record.token_hash : null,
    previous_token_expires_at: grace ? new Date(now.getTime() + gracePeriodSeconds * 1000).toISOString() : null,
    updated_at: now.toISOString(),
  };
}
