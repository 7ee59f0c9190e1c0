// Offline token check. A Keyward token is `kw_` (integration) or `kwa_` (admin), 30 random base62
// characters, then a 6-character base62 CRC32 of everything before it. Checking the checksum lets
// a caller or a secret scanner reject a mistyped or made-up token without asking the server.
// Plain TypeScript with no Node-only API, so it also runs in a browser.

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const TOKEN_PATTERN = /^(kwa?_[0-9A-Za-z]{30})([0-9A-Za-z]{6})$/;
const CHECKSUM_LENGTH = 6;
const RANDOM_LENGTH = 30;

// The reflected IEEE polynomial, as zlib uses: built once on first use, 256 entries.
let crcTable: Uint32Array | undefined;

function table(): Uint32Array {
  if (crcTable) {
    return crcTable;
  }
  crcTable = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    crcTable[n] = c >>> 0;
  }
  return crcTable;
}

/** CRC32 (IEEE 802.3, the zlib one) of the UTF-8 bytes of `text`, as an unsigned 32-bit number. */
export function crc32(text: string): number {
  const crcs = table();
  let crc = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) {
    // `?? 0` only satisfies noUncheckedIndexedAccess: the index is always 0..255.
    crc = (crcs[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
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
  return toBase62(crc32(prefixAndRandom)).padStart(CHECKSUM_LENGTH, "0");
}

/**
 * True when `candidate` has the shape of a Keyward token and its checksum matches. It says nothing
 * about whether the key exists or is active: only the server knows that.
 */
export function looksLikeKeywardToken(candidate: string): boolean {
  const match = TOKEN_PATTERN.exec(candidate);
  return match !== null && keywardTokenChecksum(match[1] ?? "") === match[2];
}

/**
 * A new integration-key token (`kw_…`) made here, for a client that supplies its own token to create or rotate a
 * key (Terraform's `ephemeral "keyward_token"`), so that Keyward's response need not carry it. The random part comes
 * from the Web Crypto CSPRNG (Node ≥ 20 and browsers), drawn without modulo bias.
 */
export function generateKeywardToken(): string {
  let random = "";
  while (random.length < RANDOM_LENGTH) {
    for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(RANDOM_LENGTH * 2))) {
      // Rejection sampling: 248 = 4 × 62, so bytes below it map uniformly.
      if (byte < 248 && random.length < RANDOM_LENGTH) {
        random += BASE62.charAt(byte % 62);
      }
    }
  }
  const body = `kw_${random}`;
  return body + keywardTokenChecksum(body);
}
