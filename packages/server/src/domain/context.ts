import type { Catalog } from "./catalog.js";
import { newId } from "./ids.js";
import { DEFAULT_SETTINGS } from "./key-rules.js";
import type { ReadTables, StoragePort, WriteTables } from "./ports.js";
import type { Actor, AuditAction, AuditEvent, Clock, SettingsRecord } from "./types.js";

/** What every use case needs; built once by the composition root. */
export interface Context {
  store: StoragePort;
  clock: Clock;
  catalog: Catalog;
}

export async function currentSettings(tables: ReadTables | WriteTables, now: Date): Promise<SettingsRecord> {
  return settingsOrDefault(await tables.settings(), now);
}

/** The stored settings, or the defaults while none were ever saved. */
export function settingsOrDefault(stored: SettingsRecord | undefined, now: Date): SettingsRecord {
  return stored ?? DEFAULT_SETTINGS(now);
}

export function auditEvent(
  now: Date,
  action: AuditAction,
  actor: Actor,
  target: AuditEvent["target"],
  changes: string[] = [],
  extra: Pick<AuditEvent, "reason" | "request"> = {},
): AuditEvent {
  return { id: newId("aud"), time: now.toISOString(), action, actor, target, changes, ...extra };
}

/** Names of the fields a patch sets, for the audit log (values are never logged). */
export function changedFields(patch: object): string[] {
  return Object.keys(patch).sort();
}
