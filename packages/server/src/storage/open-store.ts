// Picks the storage adapter: PostgreSQL when a database URL is given, else the embedded lowdb file.
import { LowdbStore } from "./lowdb/lowdb-store.js";
import { PostgresStore } from "./postgres/postgres-store.js";

export interface StoreSelection {
  dataFile: string;
  /** postgres://… (`--database-url`, KEYWARD_DATABASE_URL): many replicas share it. */
  databaseUrl?: string | undefined;
  usageFlushMs?: number | undefined;
  /** PostgreSQL only: past this lag, verification answers 503 (ms). */
  maxStalenessMs?: number | undefined;
  /** PostgreSQL only: how often the change table is polled (ms). */
  pollMs?: number | undefined;
  /** PostgreSQL only: this replica's name in pg_stat_activity. */
  applicationName?: string | undefined;
}

export type Store = LowdbStore | PostgresStore;

export function openStore(selection: StoreSelection): Promise<Store> {
  const usage = selection.usageFlushMs !== undefined ? { usageFlushMs: selection.usageFlushMs } : {};
  if (!selection.databaseUrl) {
    return LowdbStore.open(selection.dataFile, usage);
  }
  return PostgresStore.open(selection.databaseUrl, {
    ...usage,
    ...(selection.maxStalenessMs !== undefined && { maxStalenessMs: selection.maxStalenessMs }),
    ...(selection.pollMs !== undefined && { pollMs: selection.pollMs }),
    ...(selection.applicationName !== undefined && { applicationName: selection.applicationName }),
  });
}
