// Which store the system suites run on: KEYWARD_TEST_STORE=postgres (the vitest "postgres" project) gives each
// harness or child server its own fresh database on the throwaway cluster; otherwise the embedded lowdb file.
import { createHash } from "node:crypto";
import pg from "pg";
import { createTestDatabase } from "./postgres.js";

export type TestStoreKind = "lowdb" | "postgres";

export const testStoreKind: TestStoreKind = process.env.KEYWARD_TEST_STORE === "postgres" ? "postgres" : "lowdb";

/** The tables that hold state a request may change; usage timestamps are excluded as the lowdb fingerprint does. */
const STATE_TABLES = ["users", "roles", "api_keys", "management_tokens", "settings", "business_records"];

export interface TestDatabase {
  url: string;
  /** The rows a query returns, for suites that check what the server stored. */
  query<Row = Record<string, unknown>>(sql: string): Promise<Row[]>;
  /** SHA-256 of every stored record (not usage, not the audit log): "did this request change anything?" */
  fingerprint(): Promise<string>;
  /** Everything stored, audit log included, as text: for "no secret is ever stored" checks. */
  dump(): Promise<string>;
  drop(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  const query = async <Row = Record<string, unknown>>(sql: string): Promise<Row[]> => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as Row[];
    } finally {
      await client.end();
    }
  };
  const tables = async (names: string[]) => {
    const parts: unknown[] = [];
    for (const name of names) {
      parts.push(name, await query(`SELECT * FROM ${name} ORDER BY 1, 2`));
    }
    parts.push(await query("SELECT key_number FROM store_meta"));
    return JSON.stringify(parts);
  };
  return {
    url: database.url,
    query,
    fingerprint: async () =>
      createHash("sha256")
        .update(await tables(STATE_TABLES))
        .digest("hex"),
    dump: () => tables([...STATE_TABLES, "key_usage", "audit_events", "cache_events"]),
    drop: database.drop,
  };
}

const byDataFile = new Map<string, Promise<TestDatabase>>();

/** One database per data file, so that a child server restarted on "the same data" finds it again. */
export function testDatabaseFor(dataFile: string): Promise<TestDatabase> {
  let database = byDataFile.get(dataFile);
  if (!database) {
    database = openTestDatabase();
    byDataFile.set(dataFile, database);
  }
  return database;
}

/** Everything the server stored for this data file, as text: the files, or the database's dump. */
export async function storedText(dataFile: string): Promise<{ data: string; audit: string }> {
  if (testStoreKind === "postgres") {
    const dump = await (await testDatabaseFor(dataFile)).dump();
    return { data: dump, audit: dump.slice(dump.indexOf('"audit_events"')) };
  }
  const { readFile } = await import("node:fs/promises");
  return {
    data: await readFile(dataFile, "utf8"),
    audit: await readFile(dataFile.replace(/\.json$/, ".audit.jsonl"), "utf8"),
  };
}
