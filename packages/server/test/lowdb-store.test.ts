// The lowdb adapter against real files: atomic, serialised, grouped writes; rollback on error.
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

  it("when a transaction throws, then none of its writes are visible or stored", async () => {
    const store = await LowdbStore.open(file);
    await store.transaction((tx) => tx.users.put(user(1)));
    await expect(
      store.transaction(async (tx) => {
        await tx.users.put(user(2));
        await tx.users.delete(user(1).id);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await store.read.users.get(user(1).id)).toBeDefined();
    expect(await store.read.users.get(user(2).id)).toBeUndefined();
    await store.close();
    const reopened = await LowdbStore.open(file);
    expect((await reopened.read.users.list()).items.map((u) => u.id)).toEqual([user(1).id]);
    await reopened.close();
  });

  it("when a transaction reads its own writes, then it sees them before commit and others don't", async () => {
    const store = await LowdbStore.open(file);
    await store.transaction(async (tx) => {
      await tx.users.put(user(7));
      expect(await tx.users.get(user(7).id)).toMatchObject({ username: "user-7" });
      expect(await store.read.users.get(user(7).id)).toBeUndefined();
    });
    expect(await store.read.users.get(user(7).id)).toBeDefined();
    await store.close();
  });

  it("when records are handed out, then they are frozen so callers can't mutate the store by accident", async () => {
    const store = await LowdbStore.open(file);
    await store.transaction((tx) => tx.users.put(user(3)));
    const record = await store.read.users.get(user(3).id);
    expect(() => {
      (record as { name: string }).name = "changed";
    }).toThrow(TypeError);
    await store.close();
  });

  it("when usage is recorded many times, then it is coalesced into at most one write per flush interval", async () => {
    const store = await LowdbStore.open(file, { usageFlushMs: 100 });
    const writesBefore = store.fileWrites;
    for (let i = 0; i < 1_000; i++) store.recordKeyUse("key_0000000000000001", new Date(1_700_000_000_000 + i).toISOString());
    expect(store.fileWrites).toBe(writesBefore);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(store.fileWrites).toBe(writesBefore + 1);
    expect(store.lastUsedAt("key_0000000000000001")).toBe(new Date(1_700_000_000_999).toISOString());
    await store.close();
  });

  it("when pages are requested, then they follow insertion order and end with a null cursor", async () => {
    const store = await LowdbStore.open(file);
    await store.transaction(async (tx) => {
      for (let i = 0; i < 5; i++) await tx.users.put(user(i));
    });
    const first = await store.read.users.list({ limit: 2 });
    const second = await store.read.users.list({ limit: 2, after: first.next ?? "" });
    const third = await store.read.users.list({ limit: 2, after: second.next ?? "" });
    expect([...first.items, ...second.items, ...third.items].map((u) => u.username)).toEqual(["user-0", "user-1", "user-2", "user-3", "user-4"]);
    expect(third.next).toBeNull();
    await store.close();
  });

  it("when the file is not a Keyward data file, then opening fails with a clear message", async () => {
    const { writeFile } = await import("node:fs/promises");
    await writeFile(file, JSON.stringify({ hello: "world" }));
    await expect(LowdbStore.open(file)).rejects.toThrow(/not a Keyward data file/);
  });
});
