import { crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, keywardTokenChecksum, looksLikeKeywardToken, parseKeywardToken } from "../src/index.js";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomBase62(length: number): string {
  return Array.from({ length }, () => BASE62.charAt(Math.floor(Math.random() * 62))).join("");
}

/** Builds a token the way the server does. */
function makeToken(prefix: "kw_" | "kwa_"): string {
  const body = prefix + randomBase62(30);
  return body + keywardTokenChecksum(body);
}

describe("token format", () => {
  it("computes the standard CRC32 check value", () => {
    expect(crc32("123456789")).toBe(0xcbf43926);
    expect(crc32("")).toBe(0);
  });

  it("agrees with zlib's CRC32 on UTF-8 text", () => {
    for (const text of [`kw_${randomBase62(30)}`, `kwa_${randomBase62(30)}`, "héllo wörld €"]) {
      expect(crc32(text)).toBe(zlibCrc32(text));
    }
  });

  it("encodes the checksum in base62, left-padded with 0 to 6 characters", () => {
    expect(keywardTokenChecksum("123456789")).toBe("3jZRME");
    // CRC32 515883000 needs only 5 base62 digits.
    expect(keywardTokenChecksum(`kw_${"0".repeat(29)}C`)).toBe("0YuajY");
  });

  it("accepts a valid integration token and a valid admin token", () => {
    expect(looksLikeKeywardToken(makeToken("kw_"))).toBe(true);
    expect(looksLikeKeywardToken(makeToken("kwa_"))).toBe(true);
  });

  it("rejects a token with a one-character typo anywhere after the prefix", () => {
    const token = makeToken("kw_");
    for (let i = "kw_".length; i < token.length; i++) {
      const typo = token.slice(0, i) + (token.charAt(i) === "a" ? "b" : "a") + token.slice(i + 1);
      expect(looksLikeKeywardToken(typo), typo).toBe(false);
    }
  });

  it("rejects wrong prefixes, lengths and alphabets", () => {
    const body = randomBase62(30);
    expect(looksLikeKeywardToken(`kx_${body}${keywardTokenChecksum(`kx_${body}`)}`)).toBe(false);
    expect(looksLikeKeywardToken(makeToken("kw_").slice(0, -1))).toBe(false);
    expect(looksLikeKeywardToken(`${makeToken("kw_")}0`)).toBe(false);
    expect(looksLikeKeywardToken(`kw_${"-".repeat(30)}${keywardTokenChecksum(`kw_${"-".repeat(30)}`)}`)).toBe(false);
    expect(looksLikeKeywardToken(` ${makeToken("kw_")}`)).toBe(false);
  });

  it("tells keys from admin tokens", () => {
    expect(parseKeywardToken(makeToken("kw_"))).toEqual({ ok: true, kind: "key" });
    expect(parseKeywardToken(makeToken("kwa_"))).toEqual({ ok: true, kind: "admin" });
  });

  it("rejects any single-character typo through the checksum", () => {
    const token = makeToken("kw_");
    for (let i = 3; i < token.length; i++) {
      const replacement = token[i] === "a" ? "b" : "a";
      expect(parseKeywardToken(token.slice(0, i) + replacement + token.slice(i + 1)).ok).toBe(false);
    }
  });

  it("rejects wrong shapes as malformed", () => {
    for (const bad of ["", "kw_", "kw_short", `kx_${"a".repeat(36)}`, `kw_${"a".repeat(37)}`, `kw_${"-".repeat(36)}`]) {
      expect(parseKeywardToken(bad)).toEqual({ ok: false, reason: "malformed_token" });
    }
  });

  it("checksums are 6 base62 characters, zero-padded", () => {
    expect(keywardTokenChecksum("kw_")).toMatch(/^[0-9A-Za-z]{6}$/);
  });
});
