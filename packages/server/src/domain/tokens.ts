// Token format: `kw_` (integration key) or `kwa_` (admin token) + 30 random base62 characters
// (≈178 bits) + a 6-character base62 CRC32 of everything before it. The checksum lets the server and
// secret scanners reject a mistyped or fabricated token without a lookup. Only SHA-256 hashes are stored.
import { hash, randomBytes, timingSafeEqual } from "node:crypto";
import { crc32 } from "node:zlib";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
/** Characters of the random part kept in `prefix`, enough to recognise a key, far too few to guess it. */
const DISPLAY_RANDOM_CHARS = 6;

export type TokenKind = "key" | "admin";
const PREFIX: Record<TokenKind, string> = { key: "kw_", admin: "kwa_" };
const TOKEN_PATTERN = /^(kwa?_)([0-9A-Za-z]{30})([0-9A-Za-z]{6})$/;

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

function toBase62(value: number, width: number): string {
  let out = "";
  let rest = value;
  do {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, "0");
}

export function checksum(body: string): string {
  return toBase62(crc32(body) >>> 0, CHECKSUM_LENGTH);
}

export function issueToken(kind: TokenKind): string {
  const body = PREFIX[kind] + randomBase62(RANDOM_LENGTH);
  return body + checksum(body);
}

export type ParsedToken = { ok: true; kind: TokenKind } | { ok: false; reason: "malformed_token" };

/** Checks shape and checksum only; says nothing about whether the token exists. */
export function parseToken(token: string): ParsedToken {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return { ok: false, reason: "malformed_token" };
  const [, prefix = "", random = "", sum = ""] = match;
  if (checksum(prefix + random) !== sum) return { ok: false, reason: "malformed_token" };
  return { ok: true, kind: prefix === PREFIX.admin ? "admin" : "key" };
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
  const kindPrefix = token.startsWith(PREFIX.admin) ? PREFIX.admin : PREFIX.key;
  return token.slice(0, kindPrefix.length + DISPLAY_RANDOM_CHARS);
}

export { RANDOM_LENGTH, CHECKSUM_LENGTH };
