import type {
  AdminTokenRecord,
  BusinessRecord,
  KeyRecord,
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
  admin_tokens: Record<string, AdminTokenRecord>;
  records: Partial<Record<ResourceName, Record<string, BusinessRecord>>>;
  settings: SettingsRecord | null;
  key_number: number;
  /** Coalesced usage timestamps, apart from the key records so usage never races a key update. */
  key_last_used: Record<string, string>;
  /** Insertion position of every record (ids are unique across tables): list cursors survive deletes. */
  positions: Record<string, number>;
  last_position: number;
}

export type TableName = "users" | "roles" | "keys" | "admin_tokens";

export function emptyDocument(): KeywardDocument {
  return { version: 1, users: {}, roles: {}, keys: {}, admin_tokens: {}, records: {}, settings: null, key_number: 0, key_last_used: {}, positions: {}, last_position: 0 };
}

export function parseDocument(data: unknown, file: string): KeywardDocument {
  if (data === null || data === undefined) return emptyDocument();
  if (typeof data !== "object" || (data as { version?: unknown }).version !== 1) {
    throw new Error(`${file} is not a Keyward data file (version 1)`);
  }
  const document = { ...emptyDocument(), ...(data as KeywardDocument) };
  if (document.last_position === 0) {
    // A file from before positions: number its records in their stored order.
    const tables = [document.users, document.roles, document.keys, document.admin_tokens, ...Object.values(document.records)];
    for (const table of tables) for (const id of Object.keys(table ?? {})) document.positions[id] = ++document.last_position;
  }
  return document;
}
