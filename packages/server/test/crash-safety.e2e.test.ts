// Crash safety (docs/decisions/0003-group-commit.md: writes are atomic and acknowledged only once durable): keyward-server runs as a child
// process, concurrent management writes (key creations, role updates) are fired at it, and it is killed with
// SIGKILL at a random moment. After each kill the store must hold every write that was acknowledged with 2xx,
// whole (no half-written key or role), and the server must start again on it. On lowdb the data file must be
// valid JSON, and the audit log may end with a torn line, which is skipped, the next event not glued to it. On
// PostgreSQL (the same suite in the postgres tier) every row's columns agree with its document, each key and role
// update has its audit event (written in the same transaction), and key numbers are gapless.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ChildServer, startChildServer, testDatabaseFor, testStoreKind } from "@keyward/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const TRIALS = 12;
const WORKERS = 6;
const KEY_FIELDS = [
  "id",
  "number",
  "name",
  "description",
  "user_id",
  "created_by",
  "created_at",
  "updated_at",
  "expires_at",
  "active",
  "disabled_reason",
  "prefix",
  "permissions",
  "preset",
  "allowed_ips",
  "revoked_at",
  "token_hash",
  "previous_token_hash",
  "previous_token_expires_at",
  "inactivity_since",
].sort();
const PRESETS = ["full_access", "events_read", "events_people_read"] as const;

interface AckedKey {
  id: string;
  number: number;
  name: string;
  tokenHash: string;
}

let dir: string;
let dataFile: string;
let auditFile: string;
let adminToken: string;
let server: ChildServer | undefined;
/** Per worker: its own role, the version of its last acknowledged update, and how many updates were acknowledged. */
const roles: Array<{ id: string; acked: number; sent: number; ackedUpdates: number }> = [];
const ackedKeys: AckedKey[] = [];
const ownerIds: string[] = [];
let presetPermissions: Record<string, unknown>;

async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  if (!server) {
    throw new Error("no server");
  }
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${adminToken}`,
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "keyward-crash-"));
  dataFile = join(dir, "keyward.json");
  auditFile = join(dir, "keyward.audit.jsonl");
  server = await startChildServer({ dataFile });
  if (!server.adminToken) {
    throw new Error("first start printed no admin token");
  }
  adminToken = server.adminToken;
  const catalog = (await call("GET", "/v1/permissions")).json as {
    presets: Array<{ name: string; permissions: unknown }>;
  };
  presetPermissions = Object.fromEntries(catalog.presets.map((preset) => [preset.name, preset.permissions]));
  for (let worker = 0; worker < WORKERS; worker++) {
    const role = await call("POST", "/v1/roles", {
      name: `crash-w${worker}-v0`,
      description: "v0",
      preset: PRESETS[0],
    });
    roles.push({ id: String(role.json.id), acked: 0, sent: 0, ackedUpdates: 0 });
    const user = await call("POST", "/v1/users", {
      username: `crash-owner-${worker}`,
      name: `Owner ${worker}`,
      kind: "integration",
      role_ids: [String(role.json.id)],
    });
    ownerIds.push(String(user.json.id));
  }
});

afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** One worker: alternately creates a key and updates its own role, until the server dies. */
async function writer(worker: number, trial: number): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      if (i % 2 === 0) {
        const name = `crash t${trial} w${worker} #${i}`;
        const created = await call("POST", "/v1/api-keys", { name, user_id: ownerIds[worker], preset: "events_read" });
        expect(created.status, JSON.stringify(created.json)).toBe(201);
        ackedKeys.push({
          id: String(created.json.id),
          number: Number(created.json.number),
          name,
          tokenHash: sha256(String(created.json.token)),
        });
      } else {
        const role = roles[worker]!;
        const version = ++role.sent;
        const updated = await call("PATCH", `/v1/roles/${role.id}`, {
          name: `crash-w${worker}-v${version}`,
          description: `v${version}`,
          preset: PRESETS[version % 3],
        });
        expect(updated.status, JSON.stringify(updated.json)).toBe(200);
        role.acked = Math.max(role.acked, version);
        role.ackedUpdates++;
      }
    } catch (error) {
      // The connection died with the server: the write in flight is unacknowledged, and may or may not be there.
      if (error instanceof TypeError) {
        return;
      }
      throw error;
    }
  }
}

interface StoredRecords {
  keys: Record<string, Record<string, unknown>>;
  roles: Record<string, Record<string, unknown>>;
  key_number: number;
}

/** The keys, roles and key counter the store holds: the data file (which must parse), or the database's rows. */
async function storedRecords(): Promise<StoredRecords> {
  if (testStoreKind === "lowdb") {
    return JSON.parse(await readFile(dataFile, "utf8")) as StoredRecords;
  }
  const database = await testDatabaseFor(dataFile);
  const documents = async (table: string) =>
    Object.fromEntries(
      (await database.query<{ doc: Record<string, unknown> }>(`SELECT doc FROM ${table}`)).map(({ doc }) => [
        String(doc.id),
        doc,
      ]),
    );
  const [meta] = await database.query<{ key_number: string }>("SELECT key_number FROM store_meta");
  return { keys: await documents("api_keys"), roles: await documents("roles"), key_number: Number(meta?.key_number) };
}

function checkDocument(document: StoredRecords) {
  // Every acknowledged key is there, whole, with the hash of the token that was handed out.
  for (const acked of ackedKeys) {
    const record = document.keys[acked.id];
    expect(record, `acknowledged key ${acked.name} lost`).toBeDefined();
    expect(Object.keys(record!).sort()).toEqual(KEY_FIELDS);
    expect(record).toMatchObject({ id: acked.id, number: acked.number, name: acked.name, token_hash: acked.tokenHash });
  }
  // No record is half-written; key numbers are unique and below the counter.
  const numbers = Object.values(document.keys).map((key) => key.number as number);
  expect(new Set(numbers).size).toBe(numbers.length);
  expect(Math.max(...numbers)).toBeLessThanOrEqual(document.key_number);
  for (const record of Object.values(document.keys)) {
    expect(Object.keys(record).sort()).toEqual(KEY_FIELDS);
    expect(record.token_hash).toMatch(/^[0-9a-f]{64}$/);
  }
  // Each role holds its last acknowledged update or a later one, and every field of one same update.
  for (const role of roles) {
    const record = document.roles[role.id]!;
    const version = Number(/^v(\d+)$/.exec(String(record.description))?.[1]);
    expect(version).toBeGreaterThanOrEqual(role.acked);
    expect(version).toBeLessThanOrEqual(role.sent);
    expect(record.name).toMatch(new RegExp(`-v${version}$`));
    const preset = PRESETS[version % 3] as string;
    expect(record).toMatchObject({ preset, permissions: presetPermissions[preset] });
  }
}

/**
 * PostgreSQL: each row is whole (the columns beside the document agree with it), each key has exactly one
 * key.created audit event and each role as many role.updated events as updates committed (between the
 * acknowledged and the sent ones): the audit insert commits with the change or not at all. Key numbers are
 * gapless: the counter rolls back with a transaction that dies.
 */
async function checkDatabase(): Promise<void> {
  const database = await testDatabaseFor(dataFile);
  const keys = await database.query<{
    number: string;
    token_hash: string;
    doc: Record<string, unknown>;
    created: string;
  }>(
    `SELECT number, token_hash, doc,
       (SELECT count(*) FROM audit_events WHERE target_id = api_keys.id AND action = 'key.created') AS created
     FROM api_keys`,
  );
  for (const key of keys) {
    expect({ number: Number(key.number), token_hash: key.token_hash, created: Number(key.created) }).toEqual({
      number: key.doc.number,
      token_hash: key.doc.token_hash,
      created: 1,
    });
  }
  const [events] = await database.query<{ count: string }>(
    "SELECT count(*) FROM audit_events WHERE action = 'key.created'",
  );
  expect(Number(events?.count), "a key.created event without its key").toBe(keys.length);
  const [meta] = await database.query<{ key_number: string }>("SELECT key_number FROM store_meta");
  const numbers = keys.map((key) => Number(key.number)).sort((a, b) => a - b);
  expect(numbers).toEqual(Array.from({ length: Number(meta?.key_number) }, (_, index) => index + 1));
  const storedRoles = await database.query<{ id: string; name: string; doc: Record<string, unknown>; updates: string }>(
    `SELECT id, name, doc, (SELECT count(*) FROM audit_events WHERE target_id = roles.id AND action = 'role.updated') AS updates
     FROM roles`,
  );
  for (const role of roles) {
    const row = storedRoles.find((stored) => stored.id === role.id);
    expect(row?.name).toBe(row?.doc.name);
    expect(Number(row?.updates)).toBeGreaterThanOrEqual(role.ackedUpdates);
    expect(Number(row?.updates)).toBeLessThanOrEqual(role.sent);
  }
}

function checkAuditLog(text: string): number {
  const lines = text.split("\n");
  const last = lines.pop();
  // Complete lines are all valid JSON; only the very end may be torn by the kill.
  for (const line of lines) {
    expect(() => JSON.parse(line), `audit line: ${line.slice(0, 80)}`).not.toThrow();
  }
  return last ? 1 : 0;
}

describe("crash safety: SIGKILL during concurrent management writes", () => {
  it(`when the server is killed at random moments (${TRIALS} trials), then every acknowledged write survives whole`, async () => {
    let tornAuditTails = 0;
    for (let trial = 1; trial <= TRIALS; trial++) {
      const ackedBefore = ackedKeys.length;
      const writers = Array.from({ length: WORKERS }, (_, worker) => writer(worker, trial));
      // The kill lands at a random moment once writes are flowing (the first acknowledgement can take a
      // while on a busy machine), while more are in flight.
      for (let waited = 0; ackedKeys.length === ackedBefore && waited < 30_000; waited += 5) {
        await sleep(5);
      }
      await sleep(Math.floor(Math.random() * 300));
      await server!.stop("SIGKILL");
      await Promise.all(writers);
      expect(ackedKeys.length, `trial ${trial} acknowledged nothing`).toBeGreaterThan(ackedBefore);

      checkDocument(await storedRecords());
      if (testStoreKind === "lowdb") {
        tornAuditTails += checkAuditLog(await readFile(auditFile, "utf8"));
      } else {
        await checkDatabase();
      }

      server = await startChildServer({ dataFile });
      expect(server.adminToken).toBeNull();
      // The restarted server serves what was acknowledged, and the audit log (torn tail or not) reads.
      const sample = ackedKeys[ackedKeys.length - 1]!;
      expect((await call("GET", `/v1/api-keys/${sample.id}`)).json).toMatchObject({
        id: sample.id,
        number: sample.number,
      });
      expect((await call("GET", "/v1/audit-events?limit=200")).status).toBe(200);
    }
    // After the last restart, an event appended after a possibly torn tail lands on its own line.
    const marker = await call("POST", "/v1/roles", { name: "after-the-crashes", preset: "events_read" });
    expect(marker.status).toBe(201);
    const events = (await call("GET", `/v1/audit-events?target_id=${String(marker.json.id)}`)).json as {
      data: unknown[];
    };
    expect(events.data).toHaveLength(1);
    if (testStoreKind === "lowdb") {
      expect(checkAuditLog(await readFile(auditFile, "utf8"))).toBe(0);
    }
    console.log(
      `crash safety (${testStoreKind}): ${TRIALS} kills, ${ackedKeys.length} acknowledged keys, ${roles.reduce((n, r) => n + r.ackedUpdates, 0)} acknowledged role updates, ${tornAuditTails} torn audit tails`,
    );
  }, 180_000);

  // The audit log is a file only on lowdb; on PostgreSQL it is a table written in the change's own transaction.
  if (testStoreKind === "lowdb") {
    it("when the audit log ends with a torn line, then it is skipped and the next event gets its own line", async () => {
      await server!.stop("SIGKILL");
      const { appendFile } = await import("node:fs/promises");
      await appendFile(auditFile, '{"id":"evt_torn","action":"role.upd');
      server = await startChildServer({ dataFile });
      const role = await call("POST", "/v1/roles", { name: "after-a-torn-line", preset: "events_read" });
      const events = (await call("GET", `/v1/audit-events?target_id=${String(role.json.id)}`)).json as {
        data: Array<{ action: string }>;
      };
      expect(events.data.map((event) => event.action)).toEqual(["role.created"]);
      const text = await readFile(auditFile, "utf8");
      expect(text).toContain('{"id":"evt_torn","action":"role.upd\n');
    }, 60_000);
  }
});
