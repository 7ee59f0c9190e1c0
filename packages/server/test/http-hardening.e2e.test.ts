// HTTP hardening options reach the bin through the environment: checked on keyward-server as a child process.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateKeywardToken } from "@keyward/contract";
import { startChildServer } from "@keyward/testkit";
import { describe, expect, it } from "vitest";
import { raw } from "./support/raw.js";

/** Well-formed (checksum right) but issued by nobody: a guess, which the limit counts. */
const bad = generateKeywardToken("key");

describe("failed authentication is rate-limited per client address (the bin)", () => {
  it("when the environment sets KEYWARD_AUTH_FAILURE_LIMIT=3, then the bin refuses the 4th failure with 429", async () => {
    const dir = await mkdtemp(join(tmpdir(), "keyward-limit-"));
    const child = await startChildServer({
      dataFile: join(dir, "keyward.json"),
      env: { KEYWARD_AUTH_FAILURE_LIMIT: "3", KEYWARD_AUTH_FAILURE_WINDOW: "120" },
    });
    try {
      const target = { url: child.url, adminToken: child.adminToken ?? "", serverErrors: [] as string[] };
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await raw(target, { path: "/v1/users", token: bad })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const retryAfter = Number((await raw(target, { path: "/v1/users", token: bad })).headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(100);
      expect(retryAfter).toBeLessThanOrEqual(120);
    } finally {
      await child.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("when the environment holds a bad limit, then the bin refuses to start and says why", async () => {
    const dir = await mkdtemp(join(tmpdir(), "keyward-limit-"));
    try {
      await expect(
        startChildServer({ dataFile: join(dir, "keyward.json"), env: { KEYWARD_AUTH_FAILURE_LIMIT: "lots" } }),
      ).rejects.toThrow(/KEYWARD_AUTH_FAILURE_LIMIT must be a whole number/);
      await expect(
        startChildServer({
          dataFile: join(dir, "keyward.json"),
          env: { KEYWARD_CORS_ORIGINS: "https://a.example/admin" },
        }),
      ).rejects.toThrow(/scheme:\/\/host\[:port\] only/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
