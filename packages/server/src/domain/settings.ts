import type { components } from "@keyward/contract";
import { auditEvent, type Context, changedFields, currentSettings } from "./context.js";
import type { Actor, SettingsRecord } from "./types.js";

type SettingsUpdate = components["schemas"]["SettingsUpdate"];

export function settingsService({ store, clock }: Context) {
  return {
    get: () => currentSettings(store.read, clock()),

    async update(patch: SettingsUpdate, actor: Actor): Promise<SettingsRecord> {
      const now = clock();
      const settings = await store.transaction(async (tx) => {
        const current = await currentSettings(tx, now);
        const next: SettingsRecord = {
          ...current,
          ...(patch.key_inactivity_days !== undefined && { key_inactivity_days: patch.key_inactivity_days }),
          ...(patch.max_key_lifetime_days !== undefined && { max_key_lifetime_days: patch.max_key_lifetime_days }),
          ...(patch.revoked_key_retention_days !== undefined && {
            revoked_key_retention_days: patch.revoked_key_retention_days,
          }),
          features: { ...current.features, ...patch.features },
          updated_at: now.toISOString(),
        };
        await tx.putSettings(next);
        const fields = [
          ...changedFields(patch).filter((f) => f !== "features"),
          ...Object.keys(patch.features ?? {}).map((f) => `features.${f}`),
        ];
        tx.audit(auditEvent(now, "settings.updated", actor, { type: "settings", id: null }, fields.sort()));
        return next;
      });
      return settings;
    },
  };
}
