// The token format: `kw_` (integration key) or `kwa_` (admin token), 30 random base62 characters (≈178 bits), then a
// 6-character base62 CRC32 of everything before it. The checksum lets the server, a caller or a secret scanner reject
// a mistyped or made-up token without a lookup. Plain TypeScript (no node:zlib, no node:crypto), so it also runs in a
// browser: the one token generator, used by the server to issue tokens and by clients that supply their own.

export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const TOKEN_RANDOM_LENGTH = 30;
export const TOKEN_CHECKSUM_LENGTH = 6;

export type TokenKind = "key" | "admin";
export const TOKEN_PREFIX: Readonly<Record<TokenKind, string>> = { key: "kw_", admin: "kwa_" };
// The random part, then the checksum.
const TOKEN_PATTERN = /^kwa?_[0-9A-Za-z]{30}[0-9A-Za-z]{6}$/;

// The reflected IEEE polynomial, as zlib uses: 256 entries, one per byte value.
const CRC_TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  CRC_TABLE[n] = c >>> 0;
}

const utf8 = new TextEncoder();

const crcStep = (crc: number, byte: number): number =>
  // `?? 0` only satisfies noUncheckedIndexedAccess: the index is always 0..255.
  (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);

/**
 * CRC32 (IEEE 802.3, the zlib one) of the UTF-8 bytes of `text`, as an unsigned 32-bit number. ASCII text (every
 * token) is its own UTF-8, so it is read char by char without encoding: the server checks a token per request.
 */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) {
      return crc32OfBytes(utf8.encode(text));
    }
    crc = crcStep(crc, code);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function crc32OfBytes(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc = crcStep(crc, byte);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * `length` random base62 characters from the Web Crypto CSPRNG (Node ≥ 20 and browsers), drawn without modulo bias:
 * bytes below 248 = 4 × 62 map uniformly, the rest are drawn again.
 */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < 248 && out.length < length) {
        out += BASE62.charAt(byte % 62);
      }
    }
  }
  return out;
}

/**
 * A new token of `kind`: the server issues keys and admin tokens with it, and a client that supplies its own token
 * to create or rotate a key (Terraform's `ephemeral "keyward_token"`) makes it here, so no response need carry it.
 */
export function generateKeywardToken(kind: TokenKind = "key"): string {
  const body = TOKEN_PREFIX[kind] + randomBase62(TOKEN_RANDOM_LENGTH);
  return body + keywardTokenChecksum(body);
}

function toBase62(value: number): string {
  let out = "";
  let rest = value;
  do {
    out = BASE62.charAt(rest % 62) + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out;
}

/**
 * The checksum the server appends to a token: base62 CRC32 of `prefixAndRandom`
 * (e.g. `"kw_" + 30 random chars`), left-padded with `0` to 6 characters.
 */
export function keywardTokenChecksum(prefixAndRandom: string): string {
  return toBase62(crc32(prefixAndRandom)).padStart(TOKEN_CHECKSUM_LENGTH, "0");
}

export type ParsedToken = { ok: true; kind: TokenKind } | { ok: false; reason: "malformed_token" };

// The three answers, built once: the server parses a token per request.
const PARSED_KEY: ParsedToken = Object.freeze({ ok: true, kind: "key" });
const PARSED_ADMIN: ParsedToken = Object.freeze({ ok: true, kind: "admin" });
const MALFORMED: ParsedToken = Object.freeze({ ok: false, reason: "malformed_token" });

/** Checks shape and checksum only, and tells keys from admin tokens; says nothing about whether the token exists. */
export function parseKeywardToken(token: string): ParsedToken {
  if (!TOKEN_PATTERN.test(token)) {
    return MALFORMED;
  }
  const checksumAt = token.length - TOKEN_CHECKSUM_LENGTH;
  if (keywardTokenChecksum(token.slice(0, checksumAt)) !== token.slice(checksumAt)) {
    return MALFORMED;
  }
  return token.startsWith(TOKEN_PREFIX.admin) ? PARSED_ADMIN : PARSED_KEY;
}

/**
 * True when `candidate` has the shape of a Keyward token and its checksum matches. It says nothing
 * about whether the key exists or is active: only the server knows that.
 */
export function looksLikeKeywardToken(candidate: string): boolean {
  return parseKeywardToken(candidate).ok;
}
