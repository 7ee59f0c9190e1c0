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

/**
 * Constant-time comparison of two SHA-256 hex digests (the lookup is by hash; this guards the final match).
 * Anything that is not such a digest matches nothing.
 */
export function sameHash(a: string, b: string): boolean {
  if (a.length !== SHA256_BYTES * 2 || b.length !== SHA256_BYTES * 2) {
    return false;
  }
  const left = leftDigest.write(a, "hex");
  const right = rightDigest.write(b, "hex");
  return left === SHA256_BYTES && right === SHA256_BYTES && timingSafeEqual(leftDigest, rightDigest);
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
