// The PostgreSQL storage adapter: any number of replicas share one database. Each replica keeps users, roles,
// keys, management tokens and settings in memory (verification never queries the database) and catches up from the
// version-ordered `cache_events` table, polled every `pollMs`; LISTEN/NOTIFY only wakes it early. Every write
// transaction starts by bumping the one version row, which serialises writers across replicas, orders the
// versions and makes key numbers gapless. A replica that could not catch up for `maxStalenessMs` refuses key
// lookups (store_unavailable) rather than honour a key that may have been revoked.
import pg from "pg";
import { KeywardError } from "../../domain/errors.js";
import type {
  CredentialReads,
  ListQuery,
  Page,
  ReadTables,
  StoragePort,
  StoreHealth,
  Table,
  TokenMatch,
  WritableTable,
  WriteTables,
} from "../../domain/ports.js";
import type {
  AuditEvent,
  BusinessRecord,
  KeyRecord,
  ManagementTokenRecord,
  ResourceName,
  RoleRecord,
  SettingsRecord,
  UserRecord,
} from "../../domain/types.js";
import { deepFreeze } from "../deep-freeze.js";
import { cursorFor, cursorPosition, pageOf } from "../list-page.js";
import { TokenHashIndex } from "../token-hash-index.js";
import { migrate } from "./migrate.js";
import { MirrorTable } from "./mirror.js";

export interface PostgresStoreOptions {
  /** How often coalesced usage timestamps are written (ms). */
  usageFlushMs?: number;
  /** How often the change table is polled (ms); NOTIFY wakes the replica sooner. */
  pollMs?: number;
  /** Past this lag, key and management-token lookups fail closed with store_unavailable (ms). */
  maxStalenessMs?: number;
  /** Shown in pg_stat_activity; the listener connection gets `-listen` appended. */
  applicationName?: string;
  poolSize?: number;
}

type MirroredKind = "users" | "roles" | "keys" | "management_tokens";
type Kind = MirroredKind | "settings";
type AnyRecord = { id: string };
type Queryable = Pick<pg.ClientBase, "query">;

const CHANNEL = "keyward_cache";
/** Transactions that may share one database commit. */
const MAX_BATCH = 200;

type Stage = Map<MirroredKind, Map<string, AnyRecord | null>>;
interface Job {
  fn: (tx: WriteTables) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}
/** `seq` = version × 2^20 + position within the transaction: commit order without a sequence. */
const SEQ_PER_VERSION = 1_048_576;

interface TableSql {
  table: string;
  /** Columns kept beside the document, for constraints and lookups. */
  columns: Array<{ name: string; type: string; of: (record: never) => unknown }>;
}

const MIRRORED: Record<MirroredKind, TableSql> = {
  users: { table: "users", columns: [{ name: "username", type: "text", of: (u: UserRecord) => u.username }] },
  roles: { table: "roles", columns: [{ name: "name", type: "text", of: (r: RoleRecord) => r.name }] },
  keys: {
    table: "api_keys",
    columns: [
      { name: "number", type: "bigint", of: (k: KeyRecord) => k.number },
      { name: "user_id", type: "text", of: (k: KeyRecord) => k.user_id },
      { name: "token_hash", type: "text", of: (k: KeyRecord) => k.token_hash },
      { name: "previous_token_hash", type: "text", of: (k: KeyRecord) => k.previous_token_hash },
      { name: "revoked_at", type: "timestamptz", of: (k: KeyRecord) => k.revoked_at },
    ],
  },
  management_tokens: {
    table: "management_tokens",
    columns: [
      { name: "user_id", type: "text", of: (t: ManagementTokenRecord) => t.user_id },
      { name: "token_hash", type: "text", of: (t: ManagementTokenRecord) => t.token_hash },
      { name: "previous_token_hash", type: "text", of: (t: ManagementTokenRecord) => t.previous_token_hash },
    ],
  },
};

/** Errors that mean "the database is not reachable now", as opposed to a bug in a statement. */
function isUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (
    typeof code === "string" &&
    (code.startsWith("08") || code.startsWith("57P") || code.startsWith("53") || code.startsWith("E"))
  ) {
    return true;
  }
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/.test(
    message ?? "",
  );
}

/** The parameters of one statement built in parts: `add` returns the placeholder, cast, for a value. */
class StatementParams {
  readonly values: unknown[] = [];

  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }

  /** `unnest(…)` of parallel arrays: one row per index, a column per array. */
  unnest(columns: Array<[values: unknown[], type: string]>): string {
    return `unnest(${columns.map(([values, type]) => this.add(values, `${type}[]`)).join(", ")})`;
  }
}

export function storeUnavailable(detail: string): KeywardError {
  return new KeywardError("store_unavailable", detail);
}

export class PostgresStore implements StoragePort {
  private readonly pool: pg.Pool;
  private readonly usageFlushMs: number;
  private readonly pollMs: number;
  private readonly maxStalenessMs: number;
  private readonly applicationName: string;
  private readonly url: string;

  private readonly users = new MirrorTable<UserRecord>();
  private readonly roles = new MirrorTable<RoleRecord>();
  private readonly keys = new MirrorTable<KeyRecord>();
  private readonly managementTokens = new MirrorTable<ManagementTokenRecord>();
  private settingsRecord: SettingsRecord | undefined;
  private readonly keyHashes = new TokenHashIndex();
  private readonly tokenHashes = new TokenHashIndex();
  private lastUsed = new Map<string, string>();
  private pendingUse = new Map<string, string>();
  private pendingRefusals: AuditEvent[] = [];
  /** The newest usage timestamp merged from the database. */
  private usageMark = new Date(0).toISOString();

  /** The version the mirror reflects. */
  private version = 0;
  /** When the last catch-up that reached the database's version started (Date.now()). */
  private freshAt = Date.now();
  private queue: Promise<unknown> = Promise.resolve();
  private waiting: Job[] = [];
  private refreshing: Promise<void> | null = null;
  private refreshAgain: Promise<void> | null = null;
  private refusalFlush: Promise<void> | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private pruneTimer: NodeJS.Timeout | null = null;
  private usageTimer: NodeJS.Timeout | null = null;
  private listener: pg.Client | null = null;
  private closed = false;

  private constructor(url: string, options: PostgresStoreOptions) {
    this.url = url;
    this.usageFlushMs = options.usageFlushMs ?? 5000;
    this.pollMs = options.pollMs ?? 250;
    this.maxStalenessMs = options.maxStalenessMs ?? 30_000;
    this.applicationName = options.applicationName ?? "keyward";
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 2000,
      application_name: this.applicationName,
    });
    // A connection dropped by the server (idle in the pool or checked out between queries) emits "error";
    // unhandled, that would end the process. The next query on it reports the failure where it matters.
    this.pool.on("error", () => undefined);
    this.pool.on("connect", (client) => client.on("error", () => undefined));
  }

  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const store = new PostgresStore(url, options);
    try {
      await migrate(store.pool);
      await store.reloadAll();
    } catch (error) {
      await store.pool.end().catch(() => undefined);
      throw error;
    }
    store.pollTimer = setInterval(() => void store.refresh().catch(() => undefined), store.pollMs).unref();
    store.usageTimer = setInterval(() => void store.flushUsage().catch(() => undefined), store.usageFlushMs).unref();
    store.pruneTimer = setInterval(() => void store.pruneChangeFeed().catch(() => undefined), 3_600_000).unref();
    void store.listen();
    return store;
  }

  /** From the mirror; a replica further behind than its staleness bound refuses to authenticate (503). */
  readonly credentials: CredentialReads = {
    keyByTokenHash: (hash) => {
      this.assertFresh();
      const entry = this.keyHashes.get(hash);
      const record = entry && this.keys.get(entry.id);
      return record ? { record, previous: entry.previous } : undefined;
    },
    managementTokenByHash: (hash) => {
      this.assertFresh();
      const entry = this.tokenHashes.get(hash);
      const record = entry && this.managementTokens.get(entry.id);
      return record ? { record, previous: entry.previous } : undefined;
    },
    user: (id) => this.users.get(id),
    role: (id) => this.roles.get(id),
    settings: () => this.settingsRecord,
  };

  readonly read: ReadTables = {
    users: this.mirrorRead(this.users),
    roles: this.mirrorRead(this.roles),
    keys: this.mirrorRead(this.keys),
    managementTokens: this.mirrorRead(this.managementTokens),
    records: (resource) => this.recordsTable(this.pool, resource),
    settings: async () => this.settingsRecord,
  };

  health(): StoreHealth {
    const lagMs = Math.max(0, Date.now() - this.freshAt);
    return { store: "postgres", ready: !this.closed && lagMs <= this.maxStalenessMs, lag_ms: lagMs };
  }

  /**
   * Group commit, as the embedded store does: transactions waiting while a batch runs go together into the next
   * database transaction (one version, one commit). Each `fn` still runs alone and sees the ones before it; one
   * that throws leaves no trace, and the others are acknowledged only once the batch has committed.
   */
  transaction<T>(fn: (tx: WriteTables) => Promise<T>): Promise<T> {
    if (this.closed) {
      return Promise.reject(new Error("store is closed"));
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (this.waiting.length === 1) {
        void this.serial(() => this.runBatch());
      }
    });
  }

  private async runBatch(): Promise<void> {
    const jobs = this.waiting.splice(0, MAX_BATCH);
    if (this.waiting.length > 0) {
      void this.serial(() => this.runBatch());
    }
    if (jobs.length === 0) {
      return;
    }
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      const failure = storeUnavailable(
        `The database can't be reached (${(error as Error).message}); nothing was written.`,
      );
      for (const job of jobs) {
        job.reject(failure);
      }
      return;
    }
    let broken = false;
    const done: Array<{ job: Job; result: unknown }> = [];
    try {
      const lockedAt = Date.now();
      // One round trip (simple protocol): begin, and take the version row lock that serialises every writer.
      const results = (await client.query(
        "BEGIN; UPDATE store_meta SET version = version + 1 WHERE id = 1 RETURNING version, key_number",
      )) as unknown as pg.QueryResult[];
      const meta = results[1]?.rows[0] as { version: string; key_number: string };
      const version = Number(meta.version);
      // Holding the lock, everything before `version` has committed: bring the mirror exactly there.
      if (this.version < version - 1) {
        await this.catchUp(client, version - 1);
      }

      const batch: Stage = new Map();
      const auditEvents: AuditEvent[] = [];
      let settings: SettingsRecord | undefined;
      let keyNumber = Number(meta.key_number);
      let position = 0;
      let recordsWritten = false;
      const nextSeq = () => version * SEQ_PER_VERSION + position++;
      for (const [index, job] of jobs.entries()) {
        const stage: Stage = new Map();
        const jobAudit: AuditEvent[] = [];
        let jobSettings: SettingsRecord | undefined;
        const keyNumberBefore = keyNumber;
        let savepoint = false;
        // Business records are written at once; a savepoint lets a failing `fn` take its writes back.
        const beforeRecordWrite = async () => {
          if (!savepoint) {
            await client.query(`SAVEPOINT job_${index}`);
          }
          savepoint = true;
          recordsWritten = true;
        };
        const tx: WriteTables = {
          users: this.stagedTable("users", this.users, stage, batch),
          roles: this.stagedTable("roles", this.roles, stage, batch),
          keys: this.stagedTable("keys", this.keys, stage, batch),
          managementTokens: this.stagedTable("management_tokens", this.managementTokens, stage, batch),
          records: (resource) => this.writableRecords(client, resource, beforeRecordWrite, nextSeq),
          settings: async () => jobSettings ?? settings ?? this.settingsRecord,
          putSettings: async (value) => {
            jobSettings = deepFreeze(structuredClone(value));
          },
          nextKeyNumber: async () => ++keyNumber,
          audit: (...events) => {
            jobAudit.push(...events);
          },
        };
        try {
          const result = await job.fn(tx);
          for (const [kind, changes] of stage) {
            let merged = batch.get(kind);
            if (!merged) {
              merged = new Map();
              batch.set(kind, merged);
            }
            for (const [id, record] of changes) {
              merged.set(id, record);
            }
          }
          if (jobSettings) {
            settings = jobSettings;
          }
          auditEvents.push(...jobAudit);
          done.push({ job, result });
        } catch (error) {
          keyNumber = keyNumberBefore;
          if (savepoint) {
            await client.query(`ROLLBACK TO SAVEPOINT job_${index}`);
          }
          if (isUnavailable(error)) {
            throw error;
          }
          job.reject(error);
        }
      }

      const keyNumberChanged = keyNumber !== Number(meta.key_number);
      if (
        batch.size === 0 &&
        settings === undefined &&
        !keyNumberChanged &&
        auditEvents.length === 0 &&
        !recordsWritten
      ) {
        await client.query("ROLLBACK");
        for (const { job, result } of done) {
          job.resolve(result);
        }
        return;
      }
      const changes: Array<{ kind: Kind; id: string }> = [];
      const seqs = new Map<string, number>();
      // The batch's upserts, settings, audit, change feed, key counter and wake-up go in one statement (a round
      // trip each was most of a batch's time): written with the change or not at all. Deletes go first, on their
      // own, so that a name freed by one can be taken by an upsert of the same batch.
      const statement = new StatementParams();
      const parts: string[] = [];
      for (const [kind, stage] of batch) {
        const puts = [...stage.values()].filter((record): record is AnyRecord => record !== null);
        const deletes = [...stage].filter(([, record]) => record === null).map(([id]) => id);
        for (const record of puts) {
          seqs.set(record.id, nextSeq());
        }
        await this.deleteRows(client, kind, deletes);
        if (puts.length > 0) {
          parts.push(`put_${kind} AS (${this.upsertSql(kind, puts, seqs, statement)})`);
        }
        for (const id of stage.keys()) {
          changes.push({ kind, id });
        }
      }
      if (settings) {
        parts.push(
          `put_settings AS (INSERT INTO settings (id, doc) VALUES (1, ${statement.add(JSON.stringify(settings), "jsonb")})
           ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc)`,
        );
        changes.push({ kind: "settings", id: "" });
      }
      const auditSeqs = auditEvents.map(() => nextSeq());
      const versionParam = statement.add(version, "bigint");
      const audit = statement.unnest([
        [auditSeqs, "bigint"],
        [auditEvents.map((event) => event.id), "text"],
        [auditEvents.map((event) => event.action), "text"],
        [auditEvents.map((event) => event.target.id), "text"],
        [auditEvents.map((event) => JSON.stringify(event)), "jsonb"],
      ]);
      const feed = statement.unnest([
        [changes.map((_, index) => index), "int"],
        [changes.map((change) => change.kind), "text"],
        [changes.map((change) => change.id), "text"],
      ]);
      parts.push(
        `audit AS (INSERT INTO audit_events (seq, id, action, target_id, event) SELECT * FROM ${audit})`,
        `feed AS (INSERT INTO cache_events (version, position, kind, entity_id) SELECT ${versionParam}, * FROM ${feed})`,
        `counter AS (UPDATE store_meta SET key_number = ${statement.add(keyNumber, "bigint")} WHERE id = 1)`,
      );
      await client.query(
        `WITH ${parts.join(",\n")} SELECT pg_notify('${CHANNEL}', ${versionParam}::text)`,
        statement.values,
      );
      await client.query("COMMIT");
      // Committed: this replica sees its own writes at once.
      for (const [kind, stage] of batch) {
        for (const [id, record] of stage) {
          this.applyRecord(kind, id, record, seqs.get(id) ?? 0);
        }
      }
      if (settings) {
        this.settingsRecord = settings;
      }
      this.version = version;
      this.freshAt = Math.max(this.freshAt, lockedAt);
      for (const { job, result } of done) {
        job.resolve(result);
      }
    } catch (error) {
      broken = isUnavailable(error);
      await client.query("ROLLBACK").catch(() => undefined);
      const failure = broken
        ? storeUnavailable("The database can't be reached; nothing was written. Retry shortly.")
        : error;
      for (const { job } of done) {
        job.reject(failure);
      }
      for (const job of jobs) {
        if (!done.some((entry) => entry.job === job)) {
          job.reject(failure);
        }
      }
    } finally {
      client.release(broken);
    }
  }

  async keyByTokenHash(hash: string): Promise<TokenMatch<KeyRecord> | undefined> {
    return this.credentials.keyByTokenHash(hash);
  }

  async managementTokenByHash(hash: string): Promise<TokenMatch<ManagementTokenRecord> | undefined> {
    return this.credentials.managementTokenByHash(hash);
  }

  recordKeyUse(keyId: string, at: string): void {
    this.lastUsed.set(keyId, at);
    this.pendingUse.set(keyId, at);
  }

  lastUsedAt(keyId: string): string | null {
    return this.lastUsed.get(keyId) ?? null;
  }

  /** Refusals are batched, and each batch takes the version row lock so that audit `seq` order stays commit order. */
  appendAudit(events: AuditEvent[]): Promise<void> {
    if (events.length === 0) {
      return Promise.resolve();
    }
    this.pendingRefusals.push(...events);
    this.refusalFlush ??= this.flushRefusals().finally(() => {
      this.refusalFlush = null;
    });
    return this.refusalFlush;
  }

  async listAudit(query: {
    action?: AuditEvent["action"];
    targetId?: string;
    after?: string;
    limit: number;
  }): Promise<Page<AuditEvent>> {
    await this.refusalFlush?.catch(() => undefined);
    const after = query.after === undefined ? -1 : cursorPosition(query.after);
    if (!Number.isFinite(after)) {
      return { items: [], next: null };
    }
    const { rows } = await this.pool
      .query<{ seq: string; event: AuditEvent }>(
        `SELECT seq, event FROM audit_events
       WHERE seq > $1 AND ($2::text IS NULL OR action = $2) AND ($3::text IS NULL OR target_id = $3)
       ORDER BY seq LIMIT $4`,
        [after, query.action ?? null, query.targetId ?? null, query.limit + 1],
      )
      .catch((error: unknown) => {
        throw isUnavailable(error) ? storeUnavailable("The database can't be reached. Retry shortly.") : error;
      });
    const items = rows.slice(0, query.limit);
    return {
      items: items.map((row) => row.event),
      next: rows.length > query.limit ? String(items[items.length - 1]?.seq) : null,
    };
  }

  async flush(): Promise<void> {
    await this.queue;
    await this.flushUsage();
    await this.refusalFlush?.catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    await this.flush().catch(() => undefined);
    this.closed = true;
    if (this.pollTimer) {
      clearInterval(this.pollTimer);
    }
    if (this.usageTimer) {
      clearInterval(this.usageTimer);
    }
    if (this.pruneTimer) {
      clearInterval(this.pruneTimer);
    }
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  /**
   * Polled and woken by NOTIFY: reads the database's version and catches up when behind. A call during a
   * refresh runs one more after it, since the running one may have read the version before the new commit.
   */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain ??= this.refreshing.then(() => {
        this.refreshAgain = null;
        return this.refresh();
      });
      return this.refreshAgain;
    }
    this.refreshing = this.serial(async () => {
      const started = Date.now();
      const { rows } = await this.pool.query<{ version: string }>("SELECT version FROM store_meta WHERE id = 1");
      const latest = Number(rows[0]?.version ?? 0);
      if (latest > this.version) {
        const client = await this.pool.connect();
        try {
          // One snapshot, so the records read match the version recorded.
          await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
          const snapshot = await client.query<{ version: string }>("SELECT version FROM store_meta WHERE id = 1");
          await this.catchUp(client, Number(snapshot.rows[0]?.version ?? latest));
          await client.query("COMMIT");
        } finally {
          client.release();
        }
      }
      this.freshAt = Math.max(this.freshAt, started);
    }).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Drops change-feed rows older than a day; a replica further behind than that reloads everything. Idempotent. */
  async pruneChangeFeed(): Promise<void> {
    await this.pool.query(
      `WITH pruned AS (DELETE FROM cache_events WHERE at < now() - interval '1 day' RETURNING version)
       UPDATE store_meta SET events_pruned_below = GREATEST(events_pruned_below, (SELECT max(version) + 1 FROM pruned))
       WHERE id = 1 AND EXISTS (SELECT 1 FROM pruned)`,
    );
  }

  private assertFresh(): void {
    const lag = Date.now() - this.freshAt;
    if (lag > this.maxStalenessMs) {
      throw storeUnavailable(
        `This replica could not reach the database for ${Math.round(lag / 1000)} s; it refuses to verify keys until it has caught up.`,
      );
    }
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Applies the change feed from the mirror's version up to `to` (inclusive), reading through `db`. */
  private async catchUp(db: Queryable, to: number): Promise<void> {
    const meta = await db.query<{ events_pruned_below: string }>(
      "SELECT events_pruned_below FROM store_meta WHERE id = 1",
    );
    if (this.version + 1 < Number(meta.rows[0]?.events_pruned_below ?? 0)) {
      await this.loadEverything(db, to);
      return;
    }
    const { rows } = await db.query<{ kind: Kind; entity_id: string }>(
      "SELECT kind, entity_id FROM cache_events WHERE version > $1 AND version <= $2 ORDER BY version, position",
      [this.version, to],
    );
    const ids = new Map<MirroredKind, Set<string>>();
    let settingsChanged = false;
    for (const row of rows) {
      if (row.kind === "settings") {
        settingsChanged = true;
      } else {
        let set = ids.get(row.kind);
        if (!set) {
          set = new Set();
          ids.set(row.kind, set);
        }
        set.add(row.entity_id);
      }
    }
    for (const [kind, wanted] of ids) {
      const { rows: found } = await db.query<{ id: string; seq: string; doc: AnyRecord }>(
        `SELECT id, seq, doc FROM ${MIRRORED[kind].table} WHERE id = ANY($1::text[]) ORDER BY seq`,
        [[...wanted]],
      );
      const byId = new Map(found.map((row) => [row.id, row]));
      for (const id of wanted) {
        const row = byId.get(id);
        this.applyRecord(kind, id, row ? row.doc : null, row ? Number(row.seq) : 0);
      }
    }
    if (settingsChanged) {
      const { rows: settings } = await db.query<{ doc: SettingsRecord }>("SELECT doc FROM settings WHERE id = 1");
      this.settingsRecord = settings[0] ? deepFreeze(settings[0].doc) : undefined;
    }
    this.version = to;
  }

  private async reloadAll(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const { rows } = await client.query<{ version: string }>("SELECT version FROM store_meta WHERE id = 1");
      await this.loadEverything(client, Number(rows[0]?.version ?? 0));
      const usage = await client.query<{ key_id: string; last_used_at: Date }>(
        "SELECT key_id, last_used_at FROM key_usage",
      );
      for (const row of usage.rows) {
        const at = row.last_used_at.toISOString();
        this.lastUsed.set(row.key_id, at);
        if (at > this.usageMark) {
          this.usageMark = at;
        }
      }
      await client.query("COMMIT");
      this.freshAt = Date.now();
    } finally {
      client.release();
    }
  }

  private async loadEverything(db: Queryable, version: number): Promise<void> {
    this.keyHashes.clear();
    this.tokenHashes.clear();
    for (const kind of Object.keys(MIRRORED) as MirroredKind[]) {
      this.mirrorOf(kind).clear();
      const { rows } = await db.query<{ id: string; seq: string; doc: AnyRecord }>(
        `SELECT id, seq, doc FROM ${MIRRORED[kind].table} ORDER BY seq`,
      );
      for (const row of rows) {
        this.applyRecord(kind, row.id, row.doc, Number(row.seq));
      }
    }
    const { rows } = await db.query<{ doc: SettingsRecord }>("SELECT doc FROM settings WHERE id = 1");
    this.settingsRecord = rows[0] ? deepFreeze(rows[0].doc) : undefined;
    this.version = version;
  }

  private mirrorOf(kind: MirroredKind): MirrorTable<AnyRecord> {
    const tables: Record<MirroredKind, MirrorTable<AnyRecord>> = {
      users: this.users as MirrorTable<AnyRecord>,
      roles: this.roles as MirrorTable<AnyRecord>,
      keys: this.keys as MirrorTable<AnyRecord>,
      management_tokens: this.managementTokens as MirrorTable<AnyRecord>,
    };
    return tables[kind];
  }

  /** Puts a record into (or drops it from) the mirror and the token indexes. */
  private applyRecord(kind: MirroredKind, id: string, record: AnyRecord | null, seq: number): void {
    const mirror = this.mirrorOf(kind);
    const old = mirror.get(id);
    const hashes = this.hashIndexOf(kind);
    hashes?.remove(old as KeyRecord | ManagementTokenRecord | undefined);
    if (record === null) {
      mirror.delete(id);
      if (hashes) {
        this.lastUsed.delete(id);
        this.pendingUse.delete(id);
      }
      return;
    }
    mirror.set(record, seq);
    hashes?.add(record as KeyRecord | ManagementTokenRecord);
  }

  /** The token index of a credential table (keys, management tokens); none for the others. */
  private hashIndexOf(kind: MirroredKind): TokenHashIndex | undefined {
    if (kind === "keys") {
      return this.keyHashes;
    }
    if (kind === "management_tokens") {
      return this.tokenHashes;
    }
    return undefined;
  }

  private async deleteRows(db: Queryable, kind: MirroredKind, deletes: string[]): Promise<void> {
    if (deletes.length === 0) {
      return;
    }
    await db.query(`DELETE FROM ${MIRRORED[kind].table} WHERE id = ANY($1::text[])`, [deletes]);
    if (this.hashIndexOf(kind)) {
      await db.query("DELETE FROM key_usage WHERE key_id = ANY($1::text[])", [deletes]);
    }
  }

  /** An INSERT … ON CONFLICT of the records, in their table with the columns kept beside the document. */
  private upsertSql(kind: MirroredKind, puts: AnyRecord[], seqs: Map<string, number>, statement: StatementParams) {
    const { table, columns } = MIRRORED[kind];
    const names = ["id", "seq", "doc", ...columns.map((column) => column.name)];
    const rows = statement.unnest([
      [puts.map((record) => record.id), "text"],
      [puts.map((record) => seqs.get(record.id)), "bigint"],
      [puts.map((record) => JSON.stringify(record)), "json"],
      ...columns.map((column): [unknown[], string] => [
        puts.map((record) => (column.of as (record: AnyRecord) => unknown)(record)),
        column.type,
      ]),
    ]);
    const updates = names.filter((name) => name !== "id" && name !== "seq").map((name) => `${name} = EXCLUDED.${name}`);
    return `INSERT INTO ${table} (${names.join(", ")}) SELECT * FROM ${rows}
       ON CONFLICT (id) DO UPDATE SET ${updates.join(", ")}`;
  }

  private mirrorRead<T extends AnyRecord>(mirror: MirrorTable<T>): Table<T> {
    return {
      get: async (id) => mirror.get(id),
      list: async (query?: ListQuery<T>) =>
        pageOf(
          mirror.ids(),
          (id) => mirror.get(id),
          (id) => mirror.seqOf(id) ?? Number.MAX_SAFE_INTEGER,
          query,
        ),
    };
  }

  /** A mirrored table seen through this transaction's and the batch's staged changes; nothing reaches the mirror until commit. */
  private stagedTable<T extends AnyRecord>(
    kind: MirroredKind,
    mirror: MirrorTable<T>,
    own: Stage,
    batch: Stage,
  ): WritableTable<T> {
    const stage = () => {
      let map = own.get(kind);
      if (!map) {
        map = new Map();
        own.set(kind, map);
      }
      return map;
    };
    const lookup = (id: string): T | undefined => {
      for (const layer of [own.get(kind), batch.get(kind)]) {
        if (layer?.has(id)) {
          return (layer.get(id) as T | null) ?? undefined;
        }
      }
      return mirror.get(id);
    };
    return {
      get: async (id) => lookup(id),
      list: async (query) => {
        const ids = new Set(mirror.ids());
        for (const layer of [batch.get(kind), own.get(kind)]) {
          for (const id of layer?.keys() ?? []) {
            ids.add(id);
          }
        }
        return pageOf(ids, lookup, (id) => mirror.seqOf(id) ?? Number.MAX_SAFE_INTEGER, query);
      },
      put: async (record) => {
        stage().set(record.id, deepFreeze(structuredClone(record)));
      },
      delete: async (id) => {
        stage().set(id, null);
      },
    };
  }

  private writableRecords(
    client: Queryable,
    resource: ResourceName,
    beforeWrite: () => Promise<void>,
    nextSeq: () => number,
  ): WritableTable<BusinessRecord> {
    return {
      ...this.recordsTable(client, resource),
      put: async (record) => {
        await beforeWrite();
        await client.query(
          "INSERT INTO business_records (resource, id, seq, doc) VALUES ($1, $2, $3, $4) ON CONFLICT (resource, id) DO UPDATE SET doc = EXCLUDED.doc",
          [resource, record.id, nextSeq(), JSON.stringify(record)],
        );
      },
      delete: async (id) => {
        await beforeWrite();
        await client.query("DELETE FROM business_records WHERE resource = $1 AND id = $2", [resource, id]);
      },
    };
  }

  /** Business records are not mirrored: read from the database, in insertion order. */
  private recordsTable(db: Queryable, resource: ResourceName): Table<BusinessRecord> {
    const guard = <R>(work: Promise<R>) =>
      work.catch((error: unknown) => {
        throw isUnavailable(error) ? storeUnavailable("The database can't be reached. Retry shortly.") : error;
      });
    return {
      get: async (id) => {
        const { rows } = await guard(
          db.query<{ doc: BusinessRecord }>("SELECT doc FROM business_records WHERE resource = $1 AND id = $2", [
            resource,
            id,
          ]),
        );
        return rows[0]?.doc;
      },
      list: async (query = {}) => {
        const limit = query.limit ?? Number.POSITIVE_INFINITY;
        const where = Object.entries(query.where ?? {});
        const items: BusinessRecord[] = [];
        let last = 0;
        let after = query.after === undefined ? -1 : cursorPosition(query.after);
        if (!Number.isFinite(after)) {
          return { items, next: null };
        }
        const chunk = Math.min(Number.isFinite(limit) ? limit + 1 : 500, 500);
        for (;;) {
          const { rows } = await guard(
            db.query<{ seq: string; doc: BusinessRecord }>(
              "SELECT seq, doc FROM business_records WHERE resource = $1 AND seq > $2 ORDER BY seq LIMIT $3",
              [resource, after, chunk],
            ),
          );
          for (const row of rows) {
            const record = row.doc as Record<string, unknown>;
            if (where.some(([field, value]) => record[field] !== value) || (query.filter && !query.filter(row.doc))) {
              continue;
            }
            if (items.length === limit) {
              return { items, next: cursorFor(last) };
            }
            items.push(row.doc);
            last = Number(row.seq);
          }
          if (rows.length < chunk) {
            return { items, next: null };
          }
          after = Number(rows[rows.length - 1]?.seq);
        }
      },
    };
  }

  /**
   * Writes this replica's coalesced uses (forward-only: an older timestamp from a slower replica never
   * overwrites a newer one), then merges the uses other replicas wrote, so inactivity checks here count them.
   */
  private async flushUsage(): Promise<void> {
    const batch = [...this.pendingUse];
    this.pendingUse.clear();
    try {
      if (batch.length > 0) {
        await this.pool.query(
          `INSERT INTO key_usage (key_id, last_used_at) SELECT * FROM unnest($1::text[], $2::timestamptz[])
           ON CONFLICT (key_id) DO UPDATE SET last_used_at = EXCLUDED.last_used_at WHERE key_usage.last_used_at < EXCLUDED.last_used_at`,
          [batch.map(([id]) => id), batch.map(([, at]) => at)],
        );
      }
      // A minute of overlap covers replicas whose clocks or flushes lag a little.
      const { rows } = await this.pool.query<{ key_id: string; last_used_at: Date }>(
        "SELECT key_id, last_used_at FROM key_usage WHERE last_used_at > $1::timestamptz - interval '1 minute'",
        [this.usageMark],
      );
      for (const row of rows) {
        const at = row.last_used_at.toISOString();
        if (at > this.usageMark) {
          this.usageMark = at;
        }
        if (
          (this.keys.get(row.key_id) || this.managementTokens.get(row.key_id)) &&
          (this.lastUsed.get(row.key_id) ?? "") < at
        ) {
          this.lastUsed.set(row.key_id, at);
        }
      }
    } catch (error) {
      // Kept for the next flush; a newer use recorded meanwhile wins.
      for (const [id, at] of batch) {
        if (!this.pendingUse.has(id)) {
          this.pendingUse.set(id, at);
        }
      }
      if (!isUnavailable(error)) {
        throw error;
      }
    }
  }

  private async flushRefusals(): Promise<void> {
    while (this.pendingRefusals.length > 0) {
      const batch = this.pendingRefusals.splice(0, 1000);
      const client = await this.pool.connect();
      try {
        const results = (await client.query(
          "BEGIN; UPDATE store_meta SET version = version + 1 WHERE id = 1 RETURNING version",
        )) as unknown as pg.QueryResult[];
        const version = Number((results[1]?.rows[0] as { version: string }).version);
        await client.query(
          "INSERT INTO audit_events (seq, id, action, target_id, event) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::jsonb[])",
          [
            batch.map((_, index) => version * SEQ_PER_VERSION + index),
            batch.map((e) => e.id),
            batch.map((e) => e.action),
            batch.map((e) => e.target.id),
            batch.map((e) => JSON.stringify(e)),
          ],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    }
  }

  /** NOTIFY wakes the replica; after a reconnect it catches up at once, since notifies sent meanwhile are lost. */
  private async listen(): Promise<void> {
    while (!this.closed) {
      const client = new pg.Client({
        connectionString: this.url,
        application_name: `${this.applicationName}-listen`,
        connectionTimeoutMillis: 2000,
      });
      const ended = new Promise<void>((resolve) => {
        client.on("error", () => resolve());
        client.once("end", () => resolve());
      });
      try {
        await client.connect();
        // This replica's own commits notify it too: a version it already holds needs no round trip.
        client.on("notification", (message) => {
          if (!(Number(message.payload) <= this.version)) {
            void this.refresh().catch(() => undefined);
          }
        });
        await client.query(`LISTEN ${CHANNEL}`);
        this.listener = client;
        void this.refresh().catch(() => undefined);
        await ended;
      } catch {
        // Unreachable: the poll keeps trying too; retry the listener shortly.
      }
      if (this.listener === client) {
        this.listener = null;
      }
      await client.end().catch(() => undefined);
      if (!this.closed) {
        await new Promise((resolve) => setTimeout(resolve, 200).unref());
      }
    }
  }
}
