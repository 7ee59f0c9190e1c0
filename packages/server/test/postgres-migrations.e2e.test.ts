// Migrations: safe when replicas boot together, and `keyward-server migrate --grant-app-role` leaves the audit
// log insert-only for the role the servers connect as.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createTestDatabase, ensureServerBuilt } from "@keyward/testkit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMigrations, migrate } from "../src/storage/postgres/migrate.js";
import { PostgresStore } from "../src/storage/postgres/postgres-store.js";

const run = promisify(execFile);
const BIN = new URL("../dist/bin/keyward-server.js", import.meta.url).pathname;
const ROLE = `kw_app_${process.pid}`;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let owner: pg.Client;
beforeAll(async () => {
  ensureServerBuilt();
  database = await createTestDatabase();
  owner = new pg.Client({ connectionString: database.url });
  await owner.connect();
  await owner.query(`DROP ROLE IF EXISTS ${ROLE}`);
  await owner.query(`CREATE ROLE ${ROLE} LOGIN`);
});
afterAll(async () => {
  await owner?.end();
  await database?.drop();
  const cleanup = new pg.Client({ connectionString: process.env.KEYWARD_TEST_DATABASE_URL });
  await cleanup.connect();
  await cleanup.query(`DROP ROLE IF EXISTS ${ROLE}`);
  await cleanup.end();
});

describe("keyward-server migrate --grant-app-role", () => {
  it("when migrations run as the owner with an app role, then the servers work as that role and can't change the audit log", async () => {
    const { stdout } = await run(process.execPath, [
      BIN,
      "migrate",
      "--database-url",
      database.url,
      "--grant-app-role",
      ROLE,
    ]);
    expect(stdout).toContain("applied 0001_init.sql");
    expect((await run(process.execPath, [BIN, "migrate", "--database-url", database.url])).stdout).toContain(
      "schema is up to date",
    );

    const asApp = new URL(database.url);
    asApp.username = ROLE;
    const store = await PostgresStore.open(asApp.toString());
    const event = {
      id: "aud_0000000000000001",
      time: "2026-01-01T00:00:00.000Z",
      action: "settings.updated" as const,
      actor: { type: "system" as const, id: null },
      target: { type: "settings" as const, id: null },
      changes: [],
    };
    await store.transaction(async (tx) => tx.audit(event));
    expect((await store.listAudit({ limit: 10 })).items).toEqual([event]);
    await store.close();

    const app = new pg.Client({ connectionString: asApp.toString() });
    await app.connect();
    try {
      for (const statement of [
        "UPDATE audit_events SET action = 'x'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events",
      ]) {
        await expect(app.query(statement), statement).rejects.toMatchObject({ code: "42501" });
      }
    } finally {
      await app.end();
    }
  });
});

describe("migrations at start", () => {
  it("when four replicas boot together on an empty database, then each file is applied exactly once and all of them start", async () => {
    const fresh = await createTestDatabase();
    const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: fresh.url, max: 2 }));
    try {
      const files = loadMigrations().map((migration) => migration.name);
      expect(files.length).toBeGreaterThan(1);
      const applied = await Promise.all(pools.map((pool) => migrate(pool)));
      expect(applied.flat().sort()).toEqual(files);
      const { rows } = await pools[0]!.query("SELECT name FROM schema_migrations ORDER BY version");
      expect(rows).toEqual(files.map((name) => ({ name })));
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
      await fresh.drop();
    }
  });
});
