import { describe, expect, it } from "vitest";
import { parseKeywardToken } from "@keyward/contract";
import { displayPrefix, hashToken, issueToken, sameHash } from "../src/domain/tokens.js";

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

  it("issues tokens the contract's format accepts, telling keys from admin tokens", () => {
    expect(parseKeywardToken(issueToken("key"))).toEqual({ ok: true, kind: "key" });
    expect(parseKeywardToken(issueToken("admin"))).toEqual({ ok: true, kind: "admin" });
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
