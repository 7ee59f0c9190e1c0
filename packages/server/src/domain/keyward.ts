// The domain's front door: every use case, wired to one storage port, clock and catalog.
import { accessService } from "./access.js";
import { apiKeyService } from "./api-keys.js";
import type { Context } from "./context.js";
import { managementTokenService } from "./management-tokens.js";
import { recordService } from "./records.js";
import { roleService } from "./roles.js";
import { settingsService } from "./settings.js";
import { userService } from "./users.js";

export function createKeyward(ctx: Context) {
  const keys = apiKeyService(ctx);
  return {
    clock: ctx.clock,
    users: userService(ctx),
    roles: roleService(ctx),
    keys,
    managementTokens: managementTokenService(ctx),
    settings: settingsService(ctx),
    records: recordService(ctx),
    access: accessService(ctx, {
      onInactiveKey: (keyId) => void keys.disableInactiveKeys(keyId).catch(() => undefined),
    }),
    health: () => ctx.store.health(),
    audit: {
      list: (query: Parameters<Context["store"]["listAudit"]>[0]) => ctx.store.listAudit(query),
    },
  };
}

export type Keyward = ReturnType<typeof createKeyward>;
