// How the server keeps tokens; issuing them is the contract's generator (packages/contract/test/generate-token.test.ts).

import { generateKeywardToken } from "@keyward/contract";
import { describe, expect, it } from "vitest";
import { displayPrefix, hashToken, sameHash } from "../src/domain/tokens.js";

describe("tokens", () => {
  it("hashes with SHA-256 and compares hashes in constant time", () => {
    const token = generateKeywardToken("key");
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(sameHash(hashToken(token), hashToken(token))).toBe(true);
    expect(sameHash(hashToken(token), hashToken(generateKeywardToken("key")))).toBe(false);
  });

  it("keeps only a short display prefix", () => {
    const token = generateKeywardToken("admin");
    expect(displayPrefix(token)).toBe(token.slice(0, 10));
  });
});
