// The storage port. Asynchronous, so that an adapter may answer from a database without touching the domain; an
// adapter holding credentials in memory offers them synchronously too (CredentialReads), for the request path.
// Adapters return plain records and own durability.
import type {
  AuditEvent,
  BusinessRecord,
  KeyRecord,
  ManagementTokenRecord,
  ResourceName,
  RoleRecord,
  SettingsRecord,
  UserRecord,
} from "./types.js";

export interface ListQuery<T> {
  /** Equality filters on stored fields (an SQL adapter turns them into WHERE clauses). */
  where?: Partial<T>;
  /** A further in-memory refinement, for conditions that depend on the clock. */
  filter?: (record: T) => boolean;
  /** Return records after this cursor (a `next` handed out earlier), in insertion order. */
  after?: string;
  limit?: number;
}

export interface Page<T> {
  items: T[];
  /** Where the next page starts when more may follow, else null. Still valid if the item it follows is deleted. */
  next: string | null;
}

export interface Table<T extends { id: string }> {
  get(id: string): Promise<T | undefined>;
  list(query?: ListQuery<T>): Promise<Page<T>>;
}

export interface WritableTable<T extends { id: string }> extends Table<T> {
  put(record: T): Promise<void>;
  delete(id: string): Promise<void>;
}

export interface ReadTables {
  users: Table<UserRecord>;
  roles: Table<RoleRecord>;
  keys: Table<KeyRecord>;
  managementTokens: Table<ManagementTokenRecord>;
  records(resource: ResourceName): Table<BusinessRecord>;
  settings(): Promise<SettingsRecord | undefined>;
}

export interface WriteTables {
  users: WritableTable<UserRecord>;
  roles: WritableTable<RoleRecord>;
  keys: WritableTable<KeyRecord>;
  managementTokens: WritableTable<ManagementTokenRecord>;
  records(resource: ResourceName): WritableTable<BusinessRecord>;
  settings(): Promise<SettingsRecord | undefined>;
  putSettings(settings: SettingsRecord): Promise<void>;
  nextKeyNumber(): Promise<number>;
  /** Audit events of this change: written with it, in commit order, or not at all. */
  audit(...events: AuditEvent[]): void;
}

export interface TokenMatch<T> {
  record: T;
  /** True when the token matched the rotated-out hash of a credential (maybe still in its grace period). */
  previous: boolean;
}

export interface AuditQuery {
  action?: AuditEvent["action"];
  targetId?: string;
  /** Opaque position returned as `next`. */
  after?: string;
  limit: number;
}

/** What `GET /v1/health` reports about the store. */
export interface StoreHealth {
  store: "embedded" | "postgres";
  /** False when this replica is further behind the database than its staleness bound (verification answers 503). */
  ready: boolean;
  /** How far this replica's copy may be behind the database (0 for the embedded store). */
  lag_ms: number;
}

/**
 * The records authentication reads, answered synchronously by an adapter that holds them in memory (both built-in
 * adapters do), so that a request authenticates without a promise per read. Same answers as the asynchronous port.
 */
export interface CredentialReads {
  keyByTokenHash(hash: string): TokenMatch<KeyRecord> | undefined;
  managementTokenByHash(hash: string): TokenMatch<ManagementTokenRecord> | undefined;
  user(id: string): UserRecord | undefined;
  role(id: string): RoleRecord | undefined;
  settings(): SettingsRecord | undefined;
}

export interface StoragePort {
  read: ReadTables;
  /** Optional: without it, authentication awaits the asynchronous reads. */
  readonly credentials?: CredentialReads;
  /**
   * Runs `fn` alone against the store; its writes become visible together when it returns and the
   * promise resolves only once they are durable. If `fn` throws, nothing is written.
   */
  transaction<T>(fn: (tx: WriteTables) => Promise<T>): Promise<T>;
  /** Indexed lookups for authentication: must not touch the disk. */
  keyByTokenHash(hash: string): Promise<TokenMatch<KeyRecord> | undefined>;
  managementTokenByHash(hash: string): Promise<TokenMatch<ManagementTokenRecord> | undefined>;
  /**
   * Usage timestamps of keys and management tokens (by id), coalesced and persisted in the background, never on
   * the request path.
   */
  recordKeyUse(credentialId: string, at: string): void;
  lastUsedAt(credentialId: string): string | null;
  /** Audit events outside any change (refused requests). */
  appendAudit(events: AuditEvent[]): Promise<void>;
  /** Sees every event of every transaction that has resolved. */
  listAudit(query: AuditQuery): Promise<Page<AuditEvent>>;
  /** Persists pending usage timestamps and audit lines. */
  flush(): Promise<void>;
  close(): Promise<void>;
  health(): StoreHealth;
}
