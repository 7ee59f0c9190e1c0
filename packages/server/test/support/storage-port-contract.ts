// The storage contract: what the domain relies on from any adapter behind ports.ts. Every adapter runs it
// (storage-port.test.ts) against the real thing: a lowdb file, a PostgreSQL database.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StoragePort } from "../../src/domain/ports.js";
import type {
  AuditEvent,
  KeyRecord,
  ManagementTokenRecord,
  RoleRecord,
  SettingsRecord,
  UserRecord,
} from "../../src/domain/types.js";

export interface StoreFixture {
  store: StoragePort;
  /** Closes the store and opens a new one on the same data (a restart). */
  reopen(): Promise<StoragePort>;
  cleanup(): Promise<void>;
}

const T0 = "2026-01-01T00:00:00.000Z";

export const userRecord = (i: number, patch: Partial<UserRecord> = {}): UserRecord => ({
  id: `usr_${String(i).padStart(16, "0")}`,
  username: `user-${i}`,
  name: `User ${i}`,
  email: null,
  kind: "integration",
  is_admin: false,
  role_ids: [],
  active: true,
  created_at: T0,
  updated_at: T0,
  ...patch,
});

export const keyRecord = (i: number, patch: Partial<KeyRecord> = {}): KeyRecord =>
  ({
    id: `key_${String(i).padStart(16, "0")}`,
    number: i,
    name: `key ${i}`,
    description: "",
    user_id: userRecord(1).id,
    created_by: "usr_admin0000000000",
    created_at: T0,
    updated_at: T0,
    expires_at: null,
    active: true,
    disabled_reason: null,
    prefix: `kw_${i}`,
    permissions: [{ resource: "events", actions: ["read"] }],
    preset: null,
    allowed_ips: [],
    revoked_at: null,
    token_hash: `hash-${i}`,
    previous_token_hash: null,
    previous_token_expires_at: null,
    inactivity_since: T0,
    ...patch,
  }) as KeyRecord;

export const managementTokenRecord = (
  i: number,
  patch: Partial<ManagementTokenRecord> = {},
): ManagementTokenRecord => ({
  id: `adm_${String(i).padStart(16, "0")}`,
  user_id: userRecord(1).id,
  name: `token ${i}`,
  description: "",
  scopes: ["users:read", "tokens:manage"],
  expires_at: null,
  active: true,
  prefix: `kwa_${i}`,
  created_by: "system",
  created_at: T0,
  updated_at: T0,
  revoked_at: null,
  token_hash: `mgmt-hash-${i}`,
  previous_token_hash: null,
  previous_token_expires_at: null,
  ...patch,
});

const auditOf = (i: number, action: AuditEvent["action"], targetId: string | null): AuditEvent => ({
  id: `aud_${String(i).padStart(16, "0")}`,
  time: T0,
  action,
  actor: { type: "system", id: null },
  target: { type: "key", id: targetId },
  changes: [],
});

export function describeStoragePort(name: string, open: () => Promise<StoreFixture>): void {
  describe(`storage port contract: ${name}`, () => {
    let fixture: StoreFixture;
    let store: StoragePort;
    beforeEach(async () => {
      fixture = await open();
      store = fixture.store;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    it("when a transaction throws, then none of its writes are visible or stored", async () => {
      await store.transaction((tx) => tx.users.put(userRecord(1)));
      await expect(
        store.transaction(async (tx) => {
          await tx.users.put(userRecord(2));
          await tx.users.delete(userRecord(1).id);
          await tx.nextKeyNumber();
          tx.audit(auditOf(1, "user.created", null));
          throw new Error("abort");
        }),
      ).rejects.toThrow("abort");
      expect(await store.read.users.get(userRecord(1).id)).toBeDefined();
      expect(await store.read.users.get(userRecord(2).id)).toBeUndefined();
      expect((await store.listAudit({ limit: 10 })).items).toEqual([]);
      store = await fixture.reopen();
      expect((await store.read.users.list()).items.map((u) => u.id)).toEqual([userRecord(1).id]);
      expect(await store.transaction((tx) => tx.nextKeyNumber())).toBe(1);
    });

    it("when a transaction reads its own writes, then it sees them before commit and others don't", async () => {
      await store.transaction(async (tx) => {
        await tx.users.put(userRecord(7));
        expect(await tx.users.get(userRecord(7).id)).toMatchObject({ username: "user-7" });
        expect((await tx.users.list({ where: { username: "user-7" } })).items).toHaveLength(1);
        expect(await store.read.users.get(userRecord(7).id)).toBeUndefined();
      });
      expect(await store.read.users.get(userRecord(7).id)).toBeDefined();
    });

    it("when records are handed out, then they are frozen so callers can't mutate the store by accident", async () => {
      await store.transaction((tx) => tx.users.put(userRecord(3)));
      const record = await store.read.users.get(userRecord(3).id);
      expect(() => {
        (record as { name: string }).name = "changed";
      }).toThrow(TypeError);
    });

    it("when pages are requested, then they follow insertion order, updates keep their place, and the last page has a null cursor", async () => {
      await store.transaction(async (tx) => {
        for (let i = 0; i < 5; i++) {
          await tx.users.put(userRecord(i));
        }
      });
      await store.transaction((tx) => tx.users.put(userRecord(1, { name: "renamed" })));
      const first = await store.read.users.list({ limit: 2 });
      const second = await store.read.users.list({ limit: 2, after: first.next ?? "" });
      const third = await store.read.users.list({ limit: 2, after: second.next ?? "" });
      expect([...first.items, ...second.items, ...third.items].map((u) => u.username)).toEqual([
        "user-0",
        "user-1",
        "user-2",
        "user-3",
        "user-4",
      ]);
      expect(first.items[1]?.name).toBe("renamed");
      expect(third.next).toBeNull();
    });

    it("when the item a cursor points at is deleted, then the cursor gives the items after it", async () => {
      await store.transaction(async (tx) => {
        for (let i = 0; i < 5; i++) {
          await tx.users.put(userRecord(i));
        }
        for (let i = 0; i < 5; i++) {
          await tx.records("people").put({ id: `per_${String(i).padStart(16, "0")}`, name: `person ${i}` });
        }
      });
      const users = await store.read.users.list({ limit: 2 });
      const people = await store.read.records("people").list({ limit: 2 });
      await store.transaction(async (tx) => {
        await tx.users.delete(userRecord(1).id);
        await tx.records("people").delete("per_0000000000000001");
      });
      expect(
        (await store.read.users.list({ after: users.next ?? "", limit: 10 })).items.map((u) => u.username),
      ).toEqual(["user-2", "user-3", "user-4"]);
      expect(
        (await store.read.records("people").list({ after: people.next ?? "", limit: 10 })).items.map((p) => p.name),
      ).toEqual(["person 2", "person 3", "person 4"]);
      expect((await store.read.users.list({ after: "not-a-cursor" })).items).toEqual([]);
    });

    it("when a list has equality filters and a refinement, then only matching records count towards the limit", async () => {
      await store.transaction(async (tx) => {
        for (let i = 0; i < 10; i++) {
          await tx.users.put(userRecord(i, { active: i % 2 === 0 }));
        }
      });
      const page = await store.read.users.list({
        where: { active: true },
        filter: (u) => u.username !== "user-2",
        limit: 3,
      });
      expect(page.items.map((u) => u.username)).toEqual(["user-0", "user-4", "user-6"]);
      const rest = await store.read.users.list({
        where: { active: true },
        filter: (u) => u.username !== "user-2",
        limit: 3,
        after: page.next ?? "",
      });
      expect(rest.items.map((u) => u.username)).toEqual(["user-8"]);
      expect(rest.next).toBeNull();
    });

    it("when 50 transactions draw key numbers at once, then the numbers are unique and gapless, also after a restart", async () => {
      const numbers = await Promise.all(
        Array.from({ length: 50 }, () => store.transaction((tx) => tx.nextKeyNumber())),
      );
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      store = await fixture.reopen();
      expect(await store.transaction((tx) => tx.nextKeyNumber())).toBe(51);
    });

    it("when a key is stored, rotated and deleted, then token lookups follow it from memory", async () => {
      await store.transaction((tx) => tx.keys.put(keyRecord(1)));
      expect(await store.keyByTokenHash("hash-1")).toMatchObject({ record: { id: keyRecord(1).id }, previous: false });
      await store.transaction((tx) =>
        tx.keys.put(
          keyRecord(1, { token_hash: "hash-1b", previous_token_hash: "hash-1", previous_token_expires_at: T0 }),
        ),
      );
      expect(await store.keyByTokenHash("hash-1b")).toMatchObject({ previous: false });
      expect(await store.keyByTokenHash("hash-1")).toMatchObject({ previous: true });
      await store.transaction((tx) => tx.keys.put(keyRecord(1, { token_hash: "hash-1b", revoked_at: T0 })));
      expect(await store.keyByTokenHash("hash-1")).toBeUndefined();
      expect((await store.keyByTokenHash("hash-1b"))?.record.revoked_at).toBe(T0);
      store = await fixture.reopen();
      expect((await store.keyByTokenHash("hash-1b"))?.record).toEqual(
        keyRecord(1, { token_hash: "hash-1b", revoked_at: T0 }),
      );
      await store.transaction((tx) => tx.keys.delete(keyRecord(1).id));
      expect(await store.keyByTokenHash("hash-1b")).toBeUndefined();
      expect(await store.read.keys.get(keyRecord(1).id)).toBeUndefined();
    });

    it("when a management token is stored, rotated with a grace period and deleted, then both its hashes follow, across a restart", async () => {
      const token = managementTokenRecord(1);
      await store.transaction((tx) => tx.managementTokens.put(token));
      expect(await store.managementTokenByHash("mgmt-hash-1")).toEqual({ record: token, previous: false });
      const rotated = {
        ...token,
        token_hash: "mgmt-hash-1b",
        previous_token_hash: "mgmt-hash-1",
        previous_token_expires_at: T0,
      };
      await store.transaction((tx) => tx.managementTokens.put(rotated));
      store = await fixture.reopen();
      expect(await store.managementTokenByHash("mgmt-hash-1b")).toEqual({ record: rotated, previous: false });
      expect(await store.managementTokenByHash("mgmt-hash-1")).toEqual({ record: rotated, previous: true });
      expect((await store.read.managementTokens.list({ where: { user_id: userRecord(1).id } })).items).toEqual([
        rotated,
      ]);
      store.recordKeyUse(token.id, T0);
      expect(store.lastUsedAt(token.id)).toBe(T0);
      await store.transaction((tx) => tx.managementTokens.delete(token.id));
      expect(await store.managementTokenByHash("mgmt-hash-1b")).toBeUndefined();
      expect(await store.managementTokenByHash("mgmt-hash-1")).toBeUndefined();
      expect(store.lastUsedAt(token.id)).toBeNull();
    });

    it("when the adapter reads credentials synchronously, then they are what the asynchronous reads answer", async () => {
      // Both adapters offer them (authentication without a promise per read); an adapter may leave them out.
      const reads = store.credentials;
      expect(reads).toBeDefined();
      if (!reads) {
        return;
      }
      const role = {
        id: "rol_0000000000000001",
        name: "reader",
        description: "",
        permissions: [{ resource: "events", actions: ["read"] }],
        created_at: T0,
        updated_at: T0,
      } as RoleRecord;
      const settings = { features: { external_connectivity: true }, key_inactivity_days: 7, updated_at: T0 };
      await store.transaction(async (tx) => {
        await tx.roles.put(role);
        await tx.users.put(userRecord(1, { role_ids: [role.id] }));
        await tx.keys.put(keyRecord(1, { token_hash: "hash-1b", previous_token_hash: "hash-1" }));
        await tx.managementTokens.put(managementTokenRecord(1));
        await tx.putSettings(settings as SettingsRecord);
      });
      for (const hash of ["hash-1", "hash-1b", "mgmt-hash-1", "unknown"]) {
        expect(reads.keyByTokenHash(hash)).toEqual(await store.keyByTokenHash(hash));
        expect(reads.managementTokenByHash(hash)).toEqual(await store.managementTokenByHash(hash));
      }
      expect(reads.keyByTokenHash("hash-1")).toMatchObject({ previous: true });
      expect(reads.user(userRecord(1).id)).toEqual(await store.read.users.get(userRecord(1).id));
      expect(reads.user(userRecord(1).id)?.role_ids).toEqual([role.id]);
      expect(reads.role(role.id)).toEqual(role);
      expect(reads.role("rol_unknown")).toBeUndefined();
      expect(reads.settings()).toEqual(await store.read.settings());
    });

    it("when changes are audited, then the events are listed in commit order, filtered and paged, refusals included", async () => {
      for (let i = 1; i <= 5; i++) {
        await store.transaction(async (tx) => {
          await tx.keys.put(keyRecord(i));
          tx.audit(auditOf(i, "key.created", keyRecord(i).id));
        });
      }
      await store.appendAudit([auditOf(6, "key.refused", null)]);
      const all = await store.listAudit({ limit: 100 });
      expect(all.items.map((event) => event.id)).toEqual(
        [1, 2, 3, 4, 5, 6].map((i) => auditOf(i, "key.created", null).id),
      );
      expect(all.next).toBeNull();
      expect((await store.listAudit({ limit: 10, targetId: keyRecord(3).id })).items).toEqual([
        auditOf(3, "key.created", keyRecord(3).id),
      ]);
      expect((await store.listAudit({ limit: 10, action: "key.refused" })).items.map((event) => event.id)).toEqual([
        auditOf(6, "key.refused", null).id,
      ]);
      const page = await store.listAudit({ limit: 4 });
      const rest = await store.listAudit({ limit: 4, after: page.next ?? "" });
      expect([...page.items, ...rest.items].map((event) => event.id)).toEqual(all.items.map((event) => event.id));
    });

    it("when an audit cursor is one the store did not hand out, then the page is empty", async () => {
      await store.transaction(async (tx) => {
        tx.audit(auditOf(1, "key.created", null));
      });
      expect(await store.listAudit({ limit: 10, after: "UjviBtTnIRYVpm" })).toEqual({ items: [], next: null });
    });

    it("when text holds any character JSON allows (U+0000 included), then it is stored and read back exactly", async () => {
      const text = "nul \u0000, \\u0000, tab \t, astral \u{1F511} end";
      await store.transaction(async (tx) => {
        await tx.users.put(userRecord(1, { name: text }));
        await tx.keys.put(keyRecord(1, { description: text }));
        await tx.records("events").put({ id: "evt_0000000000000000", name: text });
      });
      store = await fixture.reopen();
      expect((await store.read.users.get(userRecord(1).id))?.name).toBe(text);
      expect((await store.read.keys.get(keyRecord(1).id))?.description).toBe(text);
      expect((await store.read.records("events").get("evt_0000000000000000"))?.name).toBe(text);
      expect((await store.read.records("events").list()).items).toEqual([{ id: "evt_0000000000000000", name: text }]);
    });

    it("when usage is recorded, then the newest timestamp is kept and survives a restart", async () => {
      await store.transaction((tx) => tx.keys.put(keyRecord(1)));
      for (let i = 0; i < 100; i++) {
        store.recordKeyUse(keyRecord(1).id, new Date(1_700_000_000_000 + i).toISOString());
      }
      expect(store.lastUsedAt(keyRecord(1).id)).toBe(new Date(1_700_000_000_099).toISOString());
      await store.flush();
      store = await fixture.reopen();
      expect(store.lastUsedAt(keyRecord(1).id)).toBe(new Date(1_700_000_000_099).toISOString());
    });

    it("when settings are stored, then they are read back, also after a restart", async () => {
      const settings: SettingsRecord = {
        features: { external_connectivity: false },
        key_inactivity_days: 7,
        max_key_lifetime_days: 30,
        updated_at: T0,
      } as SettingsRecord;
      expect(await store.read.settings()).toBeUndefined();
      await store.transaction((tx) => tx.putSettings(settings));
      expect(await store.read.settings()).toEqual(settings);
      store = await fixture.reopen();
      expect(await store.read.settings()).toEqual(settings);
    });

    it("when business records are written, updated and deleted, then reads and pages follow in insertion order", async () => {
      await store.transaction(async (tx) => {
        for (let i = 0; i < 4; i++) {
          await tx.records("events").put({ id: `evt_${String(i).padStart(16, "0")}`, name: `event ${i}` });
        }
        expect(await tx.records("events").get("evt_0000000000000002")).toEqual({
          id: "evt_0000000000000002",
          name: "event 2",
        });
      });
      await store.transaction(async (tx) => {
        await tx.records("events").put({ id: "evt_0000000000000000", name: "renamed" });
        await tx.records("events").delete("evt_0000000000000001");
      });
      const first = await store.read.records("events").list({ limit: 2 });
      const rest = await store.read.records("events").list({ limit: 2, after: first.next ?? "" });
      expect([...first.items, ...rest.items].map((record) => record.name)).toEqual(["renamed", "event 2", "event 3"]);
      expect(rest.next).toBeNull();
      expect(await store.read.records("people").list()).toEqual({ items: [], next: null });
    });

    it("when the store is open, then it reports itself ready", async () => {
      expect(store.health()).toMatchObject({ ready: true });
    });
  });
}
