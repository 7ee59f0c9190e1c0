// Authentication reads credentials synchronously when the store holds them in memory (both built-in adapters), and
// awaits the asynchronous port otherwise: the same rules answer either way.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateKeywardToken } from "@keyward/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrapAdmin } from "../src/domain/bootstrap.js";
import { createCatalog } from "../src/domain/catalog.js";
import type { Context } from "../src/domain/context.js";
import { createKeyward, type Keyward } from "../src/domain/keyward.js";
import type { StoragePort } from "../src/domain/ports.js";
import { LowdbStore } from "../src/storage/lowdb/lowdb-store.js";

const system = { type: "system" as const, id: null };
let dir: string;
let store: LowdbStore;
let inMemory: Keyward;
let awaited: Keyward;
const tokens: Record<string, string> = {};

/** The same store without its synchronous credential reads, as an adapter that only has the asynchronous port. */
function withoutCredentialReads(port: StoragePort): StoragePort {
  return new Proxy(port, {
    get(target, property) {
      if (property === "credentials") {
        return undefined;
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "keyward-credential-reads-"));
  store = await LowdbStore.open(join(dir, "keyward.json"));
  const context: Context = { store, clock: () => new Date(), catalog: createCatalog() };
  inMemory = createKeyward(context);
  awaited = createKeyward({ ...context, store: withoutCredentialReads(store) });
  tokens.admin = (await bootstrapAdmin(context)).issuedToken ?? "";
  const role = await inMemory.roles.create(
    { name: "reader", description: "", permissions: [{ resource: "events", actions: ["read"] }] },
    system,
  );
  const user = await inMemory.users.create(
    { username: "integration", name: "Integration", kind: "integration", role_ids: [role.id] },
    system,
  );
  const key = (allowed_ips?: string[]) =>
    inMemory.keys.create(
      {
        name: "k",
        user_id: user.id,
        permissions: [{ resource: "events", actions: ["read"], fields: ["name"] }],
        ...(allowed_ips && { allowed_ips }),
      },
      system,
    );
  tokens.key = (await key()).token ?? "";
  tokens.ipLimited = (await key(["203.0.113.0/24"])).token ?? "";
  const revoked = await key();
  await inMemory.keys.revoke(revoked.id, system);
  tokens.revoked = revoked.token ?? "";
  tokens.unknown = generateKeywardToken("key");
  tokens.unknownAdmin = generateKeywardToken("admin");
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("authentication with and without in-memory credential reads", () => {
  it("when the store reads credentials from memory, then authentication answers without a promise", () => {
    expect(inMemory.access.authenticate(tokens.key, "127.0.0.1")).not.toBeInstanceOf(Promise);
    expect(awaited.access.authenticate(tokens.key, "127.0.0.1")).toBeInstanceOf(Promise);
  });

  it.each([
    ["key", "127.0.0.1", "ok"],
    ["admin", "127.0.0.1", "ok"],
    ["ipLimited", "198.51.100.1", "ip_not_allowed"],
    ["ipLimited", "203.0.113.9", "ok"],
    ["revoked", "127.0.0.1", "key_revoked"],
    ["unknown", "127.0.0.1", "invalid_token"],
    ["unknownAdmin", "127.0.0.1", "invalid_token"],
  ])("when the %s token is used from %s, then both answer %s, with the same principal", async (name, ip, outcome) => {
    const [fromMemory, fetched] = await Promise.all([
      inMemory.access.authenticate(tokens[name], ip),
      awaited.access.authenticate(tokens[name], ip),
    ]);
    expect(fromMemory.ok ? "ok" : fromMemory.reason).toBe(outcome);
    expect(fetched).toEqual(fromMemory);
  });

  it("when a key is authenticated, then its owner's role grants come with it", async () => {
    const result = await awaited.access.authenticate(tokens.key, "127.0.0.1");
    expect(result.ok && result.principal.kind === "key" && result.principal.roleGrants).toEqual([
      { resource: "events", actions: ["read"] },
    ]);
  });
});
