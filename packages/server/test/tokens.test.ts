import { describe, expect, it } from "vitest";
import { checksum, displayPrefix, hashToken, issueToken, parseToken, sameHash } from "../src/domain/tokens.js";

describe("tokens", () => {
  it("issues kw_ keys and kwa_ admin tokens of 30 random base62 characters plus a 6-character checksum", () => {
    expect(issueToken("key")).toMatch(/^kw_[0-9A-Za-z]{36}$/);
    expect(issueToken("admin")).toMatch(/^kwa_[0-9A-Za-z]{36}$/);
  });

  it("never issues the same token twice in 10 000 draws", () => {
    const tokens = new Set(Array.from({ length: 10_000 }, () => issueToken("key")));
    expect(tokens.size).toBe(10_000);
  });

  it("uses every base62 character roughly uniformly (rejection sampling, no modulo bias)", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2_000; i++) for (const c of issueToken("key").slice(3, 33)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const expected = (2_000 * 30) / 62;
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.2);
  });

  it("accepts its own tokens and tells keys from admin tokens", () => {
    expect(parseToken(issueToken("key"))).toEqual({ ok: true, kind: "key" });
    expect(parseToken(issueToken("admin"))).toEqual({ ok: true, kind: "admin" });
  });

  it("rejects any single-character typo through the checksum", () => {
    const token = issueToken("key");
    for (let i = 3; i < token.length; i++) {
      const replacement = token[i] === "a" ? "b" : "a";
      expect(parseToken(token.slice(0, i) + replacement + token.slice(i + 1)).ok).toBe(false);
    }
  });

  it("rejects wrong shapes", () => {
    for (const bad of ["", "kw_", "kw_short", `kx_${"a".repeat(36)}`, `kw_${"a".repeat(37)}`, `kw_${"-".repeat(36)}`]) {
      expect(parseToken(bad)).toEqual({ ok: false, reason: "malformed_token" });
    }
  });

  it("checksums are 6 base62 characters, zero-padded", () => {
    expect(checksum("kw_")).toMatch(/^[0-9A-Za-z]{6}$/);
  });

  it("hashes with SHA-256 and compares hashes in constant time", () => {
    const token = issueToken("key");
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(sameHash(hashToken(token), hashToken(token))).toBe(true);
    expect(sameHash(hashToken(token), hashToken(issueToken("key")))).toBe(false);
  });

  it("keeps only a short display prefix", () => {
    const token = issueToken("admin");
    expect(displayPrefix(token)).toBe(token.slice(0, 10));
  });
});
