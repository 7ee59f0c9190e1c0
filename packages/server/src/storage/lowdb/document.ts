import type {
  BusinessRecord,
  KeyRecord,
  ManagementTokenRecord,
  ResourceName,
  RoleRecord,
  SettingsRecord,
  UserRecord,
} from "../../domain/types.js";

/** The lowdb document. Kept small: the audit log lives in a JSON-lines file beside it. */
export interface KeywardDocument {
  version: 1;
  users: Record<string, UserRecord>;
  roles: Record<string, RoleRecord>;
  keys: Record<string, KeyRecord>;
  management_tokens: Record<string, ManagementTokenRecord>;
  records: Partial<Record<ResourceName, Record<string, BusinessRecord>>>;
  settings: SettingsRecord | null;
  key_number: number;
  /** Coalesced usage timestamps, apart from the key records so usage never races a key update. */
  key_last_used: Record<string, string>;
  /** Insertion position of every record (ids are unique across tables): list cursors survive deletes. */
  positions: Record<string, number>;
  last_position: number;
}

export type TableName = "users" | "roles" | "keys" | "management_tokens";

export function emptyDocument(): KeywardDocument {
  return {
    version: 1,
    users: {},
    roles: {},
    keys: {},
    management_tokens: {},
    records: {},
    settings: null,
    key_number: 0,
    key_last_used: {},
    positions: {},
    last_position: 0,
  };
}

export function parseDocument(data: unknown, file: string): KeywardDocument {
  if (data === null || data === undefined) {
    return emptyDocument();
  }
  if (typeof data !== "object" || (data as { version?: unknown }).version !== 1) {
    throw new Error(`${file} is not a Keyward data file (version 1)`);
  }
  const { admin_tokens: legacyTokens, ...stored } = data as KeywardDocument & {
    admin_tokens?: Record<string, LegacyAdminToken>;
  };
  const document = { ...emptyDocument(), ...stored };
  for (const legacy of Object.values(legacyTokens ?? {})) {
    document.management_tokens[legacy.id] ??= managementTokenOf(legacy);
  }
  if (document.last_position === 0) {
    // A file from before positions: number its records in their stored order.
    const tables = [
      document.users,
      document.roles,
      document.keys,
      document.management_tokens,
      ...Object.values(document.records),
    ];
    for (const table of tables) {
      for (const id of Object.keys(table ?? {})) {
        document.positions[id] = ++document.last_position;
      }
    }
  }
  return document;
}

/** An admin token of a file from before management tokens (the same upgrade as migration 0002 on PostgreSQL). */
interface LegacyAdminToken {
  id: string;
  user_id: string;
  token_hash: string;
  prefix: string;
  created_at: string;
}

/** Every scope that existed when admin tokens became management tokens: the old token could do everything. */
const LEGACY_SCOPES: ManagementTokenRecord["scopes"] = [
  "users:read",
  "users:write",
  "roles:read",
  "roles:write",
  "keys:read",
  "keys:write",
  "settings:read",
  "settings:write",
  "audit:read",
  "keys:verify",
  "tokens:manage",
];

function managementTokenOf(legacy: LegacyAdminToken): ManagementTokenRecord {
  return {
    ...legacy,
    name: "bootstrap",
    description: "",
    scopes: [...LEGACY_SCOPES],
    expires_at: null,
    active: true,
    created_by: "system",
    updated_at: legacy.created_at,
    revoked_at: null,
    previous_token_hash: null,
    previous_token_expires_at: null,
  };
}
