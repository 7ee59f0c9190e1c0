// The default storage adapter: one JSON document written atomically by lowdb (temp file + rename),
// held in memory with indexes so that reads and key verification never touch the disk.
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { Low } from "lowdb";
import { JSONFile } from "lowdb/node";
import type {
  CredentialReads,
  ListQuery,
  ReadTables,
  StoragePort,
  StoreHealth,
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
  SettingsRecord,
} from "../../domain/types.js";
import { deepFreeze } from "../deep-freeze.js";
import { GroupCommitter } from "../group-commit.js";
import { JsonlAuditLog } from "../jsonl-audit-log.js";
import { pageOf } from "../list-page.js";
import { TokenHashIndex } from "../token-hash-index.js";
import { emptyDocument, type KeywardDocument, parseDocument, type TableName } from "./document.js";

type AnyRecord = { id: string };
type Staged = Map<string, AnyRecord | null>;

export interface LowdbStoreOptions {
  /** How often coalesced usage timestamps are written (ms). */
  usageFlushMs?: number;
}

export class LowdbStore implements StoragePort {
  private constructor(
    private readonly db: Low<KeywardDocument>,
    private readonly audit: JsonlAuditLog,
    private readonly usageFlushMs: number,
  ) {
    this.committer = new GroupCommitter(() => this.db.write());
    this.rebuildIndexes();
  }

  static async open(dataFile: string, options: LowdbStoreOptions = {}): Promise<LowdbStore> {
    await mkdir(dirname(dataFile), { recursive: true });
    const db = new Low<KeywardDocument>(new JSONFile(dataFile), emptyDocument());
    await db.read();
    db.data = parseDocument(db.data, dataFile);
    return new LowdbStore(db, new JsonlAuditLog(auditFileFor(dataFile)), options.usageFlushMs ?? 5000);
  }

  private readonly committer: GroupCommitter;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly keyHashes = new TokenHashIndex();
  private readonly tokenHashes = new TokenHashIndex();
  private usageTimer: NodeJS.Timeout | null = null;
  private closed = false;

  get fileWrites(): number {
    return this.committer.writes;
  }

  private get doc(): KeywardDocument {
    return this.db.data;
  }

  readonly credentials: CredentialReads = {
    keyByTokenHash: (hash) => {
      const entry = this.keyHashes.get(hash);
      const record = entry && this.doc.keys[entry.id];
      return record ? { record, previous: entry.previous } : undefined;
    },
    managementTokenByHash: (hash) => {
      const entry = this.tokenHashes.get(hash);
      const record = entry && this.doc.management_tokens[entry.id];
      return record ? { record, previous: entry.previous } : undefined;
    },
    user: (id) => this.doc.users[id],
    role: (id) => this.doc.roles[id],
    settings: () => this.doc.settings ?? undefined,
  };

  readonly read: ReadTables = {
    users: this.readTable("users"),
    roles: this.readTable("roles"),
    keys: this.readTable("keys"),
    managementTokens: this.readTable("management_tokens"),
    records: (resource) => this.readTableOf(() => this.recordsOf(resource)),
    settings: async () => this.doc.settings ?? undefined,
  };

  async transaction<T>(fn: (tx: WriteTables) => Promise<T>): Promise<T> {
    if (this.closed) {
      throw new Error("store is closed");
    }
    const run = this.queue.then(async () => {
      const staged = new Map<string, Staged>();
      let settings: SettingsRecord | undefined;
      let keyNumber = this.doc.key_number;
      const auditEvents: AuditEvent[] = [];
      const tx: WriteTables = {
        users: this.writeTable("users", staged),
        roles: this.writeTable("roles", staged),
        keys: this.writeTable("keys", staged),
        managementTokens: this.writeTable("management_tokens", staged),
        records: (resource) =>
          this.writeTableOf(() => this.recordsOf(resource), stagedFor(staged, `records:${resource}`)),
        settings: async () => settings ?? this.doc.settings ?? undefined,
        putSettings: async (value) => {
          settings = deepFreeze(structuredClone(value));
        },
        nextKeyNumber: async () => ++keyNumber,
        audit: (...events) => {
          auditEvents.push(...events);
        },
      };
      const result = await fn(tx);
      const changed = staged.size > 0 || settings !== undefined || keyNumber !== this.doc.key_number;
      if (changed) {
        this.apply(staged, settings, keyNumber);
      }
      // Enqueued at commit, so audit order is commit order.
      const audited = this.audit.append(auditEvents);
      return { result, changed, audited };
    });
    this.queue = run.catch(() => undefined);
    const { result, changed, audited } = await run;
    await Promise.all([changed ? this.committer.commit() : undefined, audited]);
    return result;
  }

  async keyByTokenHash(hash: string): Promise<TokenMatch<KeyRecord> | undefined> {
    return this.credentials.keyByTokenHash(hash);
  }

  async managementTokenByHash(hash: string): Promise<TokenMatch<ManagementTokenRecord> | undefined> {
    return this.credentials.managementTokenByHash(hash);
  }

  recordKeyUse(keyId: string, at: string): void {
    this.doc.key_last_used[keyId] = at;
    this.usageTimer ??= setTimeout(() => {
      this.usageTimer = null;
      if (!this.closed) {
        void this.committer.commit().catch(() => undefined);
      }
    }, this.usageFlushMs).unref();
  }

  lastUsedAt(keyId: string): string | null {
    return this.doc.key_last_used[keyId] ?? null;
  }

  appendAudit(events: AuditEvent[]): Promise<void> {
    return this.audit.append(events);
  }

  async listAudit(query: Parameters<JsonlAuditLog["list"]>[0]) {
    await this.audit.flush();
    return this.audit.list(query);
  }

  async flush(): Promise<void> {
    await this.queue;
    if (this.usageTimer) {
      clearTimeout(this.usageTimer);
      this.usageTimer = null;
      await this.committer.commit();
    }
    await this.committer.idle();
    await this.audit.flush();
  }

  health(): StoreHealth {
    return { store: "embedded", ready: !this.closed, lag_ms: 0 };
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  /** Records staged in a transaction have no position yet: they come last. */
  private readonly positionOf = (id: string): number => this.doc.positions[id] ?? Number.MAX_SAFE_INTEGER;

  private recordsOf(resource: ResourceName): Record<string, BusinessRecord> {
    this.doc.records[resource] ??= {};
    return this.doc.records[resource] as Record<string, BusinessRecord>;
  }

  private readTable<N extends TableName>(name: N) {
    return this.readTableOf(() => this.doc[name] as unknown as Record<string, KeywardDocument[N][string]>);
  }

  private readTableOf<T extends AnyRecord>(base: () => Record<string, T>) {
    return {
      get: async (id: string) => base()[id],
      list: async (query?: ListQuery<T>) => pageOf(Object.keys(base()), (id) => base()[id], this.positionOf, query),
    };
  }

  private writeTable<N extends TableName>(name: N, staged: Map<string, Staged>) {
    type T = KeywardDocument[N][string];
    return this.writeTableOf(() => this.doc[name] as unknown as Record<string, T>, stagedFor(staged, name));
  }

  /** A table seen through the transaction's staged changes; nothing reaches the document until apply. */
  private writeTableOf<T extends AnyRecord>(base: () => Record<string, T>, stage: Staged): WritableTable<T> {
    const lookup = (id: string): T | undefined =>
      stage.has(id) ? ((stage.get(id) as T | null) ?? undefined) : base()[id];
    return {
      get: async (id) => lookup(id),
      list: async (query) => {
        const ids = new Set(Object.keys(base()));
        for (const id of stage.keys()) {
          ids.add(id);
        }
        return pageOf(ids, lookup, this.positionOf, query);
      },
      put: async (record) => {
        stage.set(record.id, deepFreeze(structuredClone(record)));
      },
      delete: async (id) => {
        stage.set(id, null);
      },
    };
  }

  private apply(staged: Map<string, Staged>, settings: SettingsRecord | undefined, keyNumber: number): void {
    for (const [name, changes] of staged) {
      const table: Record<string, AnyRecord> = name.startsWith("records:")
        ? this.recordsOf(name.slice("records:".length) as ResourceName)
        : (this.doc[name as TableName] as unknown as Record<string, AnyRecord>);
      for (const [id, record] of changes) {
        if (name === "keys") {
          this.keyHashes.remove(this.doc.keys[id]);
        }
        if (name === "management_tokens") {
          this.tokenHashes.remove(this.doc.management_tokens[id]);
        }
        if (record === null) {
          delete table[id];
          delete this.doc.positions[id];
        } else {
          table[id] = record;
          this.doc.positions[id] ??= ++this.doc.last_position;
        }
        if (name === "keys" && record) {
          this.keyHashes.add(record as KeyRecord);
        }
        if (name === "management_tokens" && record) {
          this.tokenHashes.add(record as ManagementTokenRecord);
        }
        if ((name === "keys" || name === "management_tokens") && record === null) {
          delete this.doc.key_last_used[id];
        }
      }
    }
    if (settings) {
      this.doc.settings = settings;
    }
    this.doc.key_number = keyNumber;
  }

  private rebuildIndexes(): void {
    this.keyHashes.clear();
    this.tokenHashes.clear();
    for (const key of Object.values(this.doc.keys)) {
      this.keyHashes.add(key);
    }
    for (const token of Object.values(this.doc.management_tokens)) {
      this.tokenHashes.add(token);
    }
  }
}

function stagedFor(staged: Map<string, Staged>, name: string): Staged {
  let stage = staged.get(name);
  if (!stage) {
    stage = new Map();
    staged.set(name, stage);
  }
  return stage;
}

export function auditFileFor(dataFile: string): string {
  return `${dataFile.replace(/\.json$/, "")}.audit.jsonl`;
}
