import { describe, expect, it } from "vitest";
import { generateKeywardToken, looksLikeKeywardToken, parseKeywardToken } from "../src/index.js";

describe("generateKeywardToken", () => {
  it("makes kw_ tokens with a valid checksum", () => {
    for (let i = 0; i < 200; i++) {
      const token = generateKeywardToken();
      expect(token).toMatch(/^kw_[0-9A-Za-z]{36}$/);
      expect(looksLikeKeywardToken(token)).toBe(true);
    }
  });

  it("makes kwa_ admin tokens when asked, which parse as admin", () => {
    const token = generateKeywardToken("admin");
    expect(token).toMatch(/^kwa_[0-9A-Za-z]{36}$/);
    expect(parseKeywardToken(token)).toEqual({ ok: true, kind: "admin" });
  });

  it("never makes the same token twice in 10 000 draws, and uses all 62 characters roughly uniformly", () => {
    const tokens = Array.from({ length: 10_000 }, () => generateKeywardToken());
    expect(new Set(tokens).size).toBe(10_000);
    const counts = new Map<string, number>();
    for (const token of tokens.slice(0, 2_000)) {
      for (const c of token.slice(3, 33)) {
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(62);
    const expected = (2_000 * 30) / 62;
    for (const count of counts.values()) {
      expect(Math.abs(count - expected) / expected).toBeLessThan(0.2);
    }
  });
});
