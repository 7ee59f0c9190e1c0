// Applies the numbered .sql files of packages/server/migrations, one transaction each. Safe when several replicas
// boot together without advisory locks: the first runner's uncommitted schema_migrations row makes the others
// wait on its primary key, and they then skip the file (23505). A file changed after it was applied stops the start.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../migrations/", import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(`${dir}/${file}`, "utf8");
      return {
        version: Number(file.slice(0, 4)),
        name: file,
        sql,
        checksum: createHash("sha256").update(sql).digest("hex"),
      };
    });
}

const UNIQUE_VIOLATION = "23505";
const DUPLICATE_TABLE = "42P07";
/** `type "schema_migrations" already exists`: the racing CREATE lost on the table's row type. */
const DUPLICATE_OBJECT = "42710";

/** Returns the names of the files this call applied. */
export async function migrate(pool: pg.Pool, migrations = loadMigrations()): Promise<string[]> {
  // Created only when missing: an application role without CREATE rights can then start on a migrated database.
  const { rows: exists } = await pool.query(
    "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'",
  );
  if (exists.length === 0) {
    await pool
      .query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
      )
      // Two first boots racing on IF NOT EXISTS: the loser sees the winner's table (or its type) as a duplicate.
      .catch((error: { code?: string }) => {
        if (error.code !== UNIQUE_VIOLATION && error.code !== DUPLICATE_TABLE && error.code !== DUPLICATE_OBJECT) {
          throw error;
        }
      });
  }
  // Read first, so that servers running as an application role without INSERT here start once all are applied.
  const { rows: done } = await pool.query<{ version: number; checksum: string }>(
    "SELECT version, checksum FROM schema_migrations",
  );
  const checksums = new Map(done.map((row) => [row.version, row.checksum]));
  const applied: string[] = [];
  for (const migration of migrations) {
    const known = checksums.get(migration.version);
    if (known !== undefined) {
      if (known !== migration.checksum) {
        throw changed(migration);
      }
      continue;
    }
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const claimed = await client
        .query("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", [
          migration.version,
          migration.name,
          migration.checksum,
        ])
        .then(
          () => true,
          (error: { code?: string }) => {
            if (error.code === UNIQUE_VIOLATION) {
              return false;
            }
            throw error;
          },
        );
      if (!claimed) {
        await client.query("ROLLBACK");
        const { rows } = await client.query<{ checksum: string }>(
          "SELECT checksum FROM schema_migrations WHERE version = $1",
          [migration.version],
        );
        if (rows[0]?.checksum !== migration.checksum) {
          throw changed(migration);
        }
        continue;
      }
      await client.query(migration.sql);
      await client.query("COMMIT");
      applied.push(migration.name);
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  return applied;
}

function changed(migration: Migration): Error {
  return new Error(`migration ${migration.name} was changed after it was applied; add a new numbered file instead`);
}

/**
 * The privileges of the role the servers connect as, when migrations run as the tables' owner: everything
 * they need, and the audit log insert-only.
 */
export function appRoleGrants(role: string): string {
  const name = `"${role.replaceAll('"', '""')}"`;
  return [
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${name}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${name}`,
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM ${name}`,
  ].join(";\n");
}

/** `keyward-server migrate`: applies what is missing, optionally grants the application role; returns report lines. */
export async function runMigrations(databaseUrl: string, appRole?: string): Promise<string[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const applied = await migrate(pool);
    const lines = applied.length > 0 ? applied.map((name) => `applied ${name}`) : ["schema is up to date"];
    if (appRole) {
      await pool.query(appRoleGrants(appRole));
      lines.push(`granted ${appRole} what the servers need; audit_events is insert-only for it`);
    }
    return lines;
  } finally {
    await pool.end();
  }
}
