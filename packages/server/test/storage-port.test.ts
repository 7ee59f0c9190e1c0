// Every storage adapter passes the same contract: the embedded lowdb file and a real PostgreSQL database.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase } from "@keyward/testkit";
import type { StoragePort } from "../src/domain/ports.js";
import { LowdbStore } from "../src/storage/lowdb/lowdb-store.js";
import { PostgresStore } from "../src/storage/postgres/postgres-store.js";
import { describeStoragePort } from "./support/storage-port-contract.js";

describeStoragePort("lowdb", async () => {
  const dir = await mkdtemp(join(tmpdir(), "keyward-store-"));
  const file = join(dir, "keyward.json");
  let store: StoragePort = await LowdbStore.open(file);
  return {
    store,
    reopen: async () => {
      await store.close();
      store = await LowdbStore.open(file);
      return store;
    },
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describeStoragePort("postgres", async () => {
  const database = await createTestDatabase();
  let store: StoragePort = await PostgresStore.open(database.url);
  return {
    store,
    reopen: async () => {
      await store.close();
      store = await PostgresStore.open(database.url);
      return store;
    },
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
});
