// Token comparison in constant time: the lookup is by SHA-256 of the token (its timing reveals nothing about
// the token), and the final match compares the digests with crypto.timingSafeEqual, never with `===`.
import * as crypto from "node:crypto";
import { generateKeywardToken } from "@keyward/contract";
import { describe, expect, it, vi } from "vitest";
import { hashToken, sameHash } from "../src/domain/tokens.js";

vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

describe("sameHash", () => {
  it("when two digests are compared, then crypto.timingSafeEqual decides, on the raw 32 bytes", () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    const a = hashToken(generateKeywardToken("key"));
    const b = hashToken(generateKeywardToken("key"));
    expect(sameHash(a, a)).toBe(true);
    expect(sameHash(a, b)).toBe(false);
    // A digest differing only in its last byte is compared the same way (no early exit on a prefix).
    expect(sameHash(a, a.slice(0, -2) + (a.endsWith("00") ? "01" : "00"))).toBe(false);
    expect(spy).toHaveBeenCalledTimes(3);
    for (const [left, right] of spy.mock.calls) {
      expect((left as Buffer).length).toBe(32);
      expect((right as Buffer).length).toBe(32);
    }
  });

  it("when the lengths differ, then it answers false without comparing (and without throwing)", () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    expect(sameHash(hashToken("x"), "abcd")).toBe(false);
    expect(spy).not.toHaveBeenCalled();
  });
});
