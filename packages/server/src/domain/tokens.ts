// Issuing and storing tokens. The format (prefixes, base62, checksum) is the contract's (@keyward/contract); here are
// the parts only the server does: drawing the random part, and hashing (only SHA-256 hashes are stored).
import { hash, randomBytes, timingSafeEqual } from "node:crypto";
import { BASE62, keywardTokenChecksum, TOKEN_PREFIX, TOKEN_RANDOM_LENGTH, type TokenKind } from "@keyward/contract";

/** Characters of the random part kept in `prefix`, enough to recognise a key, far too few to guess it. */
const DISPLAY_RANDOM_CHARS = 6;

export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // Rejection sampling: 248 = 4 × 62, so bytes below it map uniformly.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export function issueToken(kind: TokenKind): string {
  const body = TOKEN_PREFIX[kind] + randomBase62(TOKEN_RANDOM_LENGTH);
  return body + keywardTokenChecksum(body);
}

export function hashToken(token: string): string {
  return hash("sha256", token, "hex");
}

/** Constant-time comparison of two hex digests (the lookup is by hash; this guards the final match). */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

export function displayPrefix(token: string): string {
  const kindPrefix = token.startsWith(TOKEN_PREFIX.admin) ? TOKEN_PREFIX.admin : TOKEN_PREFIX.key;
  return token.slice(0, kindPrefix.length + DISPLAY_RANDOM_CHARS);
}
