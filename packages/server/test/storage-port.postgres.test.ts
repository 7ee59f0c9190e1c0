// The storage contract (support/storage-port-contract.ts) on a real PostgreSQL database: a fresh one per run.
import { createTestDatabase } from "@keyward/testkit";
import type { StoragePort } from "../src/domain/ports.js";
import { PostgresStore } from "../src/storage/postgres/postgres-store.js";
import { describeStoragePort } from "./support/storage-port-contract.js";

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
