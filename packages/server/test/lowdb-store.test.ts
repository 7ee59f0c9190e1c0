// What only the lowdb adapter promises, against real files: grouped writes. The shared contract is in
// storage-port.test.ts.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { UserRecord } from "../src/domain/types.js";
import { LowdbStore } from "../src/storage/lowdb/lowdb-store.js";

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "keyward-store-"));
  file = join(dir, "keyward.json");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const user = (i: number): UserRecord => ({
  id: `usr_${String(i).padStart(16, "0")}`,
  username: `user-${i}`,
  name: `User ${i}`,
  email: null,
  kind: "integration",
  is_admin: false,
  role_ids: [],
  active: true,
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-01T00:00:00.000Z",
});

describe("lowdb store", () => {
  it("when 200 transactions commit concurrently, then all are durable and far fewer file writes happened (group commit)", async () => {
    const store = await LowdbStore.open(file);
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.transaction((tx) => tx.users.put(user(i)))));
    const onDisk = JSON.parse(await readFile(file, "utf8")) as { users: Record<string, UserRecord> };
    expect(Object.keys(onDisk.users)).toHaveLength(200);
    expect(store.fileWrites).toBeGreaterThan(0);
    expect(store.fileWrites).toBeLessThan(50);
    await store.close();
  });

  it("when usage is recorded many times, then it is coalesced into at most one write per flush interval", async () => {
    const store = await LowdbStore.open(file, { usageFlushMs: 100 });
    const writesBefore = store.fileWrites;
    for (let i = 0; i < 1_000; i++) {
      store.recordKeyUse("key_0000000000000001", new Date(1_700_000_000_000 + i).toISOString());
    }
    expect(store.fileWrites).toBe(writesBefore);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(store.fileWrites).toBe(writesBefore + 1);
    expect(store.lastUsedAt("key_0000000000000001")).toBe(new Date(1_700_000_000_999).toISOString());
    await store.close();
  });

  it("when the file is not a Keyward data file, then opening fails with a clear message", async () => {
    const { writeFile } = await import("node:fs/promises");
    await writeFile(file, JSON.stringify({ hello: "world" }));
    await expect(LowdbStore.open(file)).rejects.toThrow(/not a Keyward data file/);
  });
});
