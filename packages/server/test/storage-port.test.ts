// Every storage adapter passes the same contract (support/storage-port-contract.ts): here the embedded lowdb file;
// storage-port.postgres.test.ts runs it on a real PostgreSQL database.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StoragePort } from "../src/domain/ports.js";
import { LowdbStore } from "../src/storage/lowdb/lowdb-store.js";
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
