// First start on an empty store: create the `admin` user and one management token with every scope, shown once.

import { generateKeywardToken, parseKeywardToken } from "@keyward/contract";
import { auditEvent, type Context } from "./context.js";
import { KeywardError } from "./errors.js";
import { newId } from "./ids.js";
import { DEFAULT_SETTINGS } from "./key-rules.js";
import { newManagementToken } from "./management-tokens.js";
import type { UserRecord } from "./types.js";

export interface BootstrapResult {
  /** Set only when this start created the admin token and it was not supplied by the operator. */
  issuedToken: string | null;
  created: boolean;
}

export async function bootstrapAdmin(
  { store, clock, catalog }: Context,
  suppliedToken?: string,
): Promise<BootstrapResult> {
  if (suppliedToken !== undefined) {
    const parsed = parseKeywardToken(suppliedToken);
    if (!parsed.ok || parsed.kind !== "admin") {
      throw new KeywardError(
        "malformed_token",
        "KEYWARD_ADMIN_TOKEN must be an admin token (kwa_…) with a valid checksum.",
      );
    }
  }
  const token = suppliedToken ?? generateKeywardToken("admin");
  const now = clock();
  const created = await store.transaction(async (tx) => {
    const stored = await tx.settings();
    // Settings stored before a setting existed get its default, once, so reads never have to fill it in.
    if (stored && Object.keys(DEFAULT_SETTINGS(now)).some((field) => !(field in stored))) {
      await tx.putSettings({ ...DEFAULT_SETTINGS(now), ...stored });
    }
    if ((await tx.users.list({ limit: 1 })).items.length > 0) {
      return null;
    }
    const admin: UserRecord = {
      id: newId("usr"),
      username: "admin",
      name: "Administrator",
      email: null,
      kind: "person",
      is_admin: true,
      role_ids: [],
      active: true,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    const record = newManagementToken(
      {
        user_id: admin.id,
        name: "bootstrap",
        description: "Issued on first start. Revocable once another token with tokens:manage exists.",
        scopes: catalog.scopes,
        expires_at: null,
        active: true,
        created_by: "system",
      },
      token,
      now,
    );
    await tx.users.put(admin);
    await tx.managementTokens.put(record);
    // Stored once, so that every request reads them instead of building the defaults again.
    if (!(await tx.settings())) {
      await tx.putSettings(DEFAULT_SETTINGS(now));
    }
    const system = { type: "system" as const, id: null };
    tx.audit(
      auditEvent(now, "user.created", system, { type: "user", id: admin.id }, ["username", "is_admin"]),
      auditEvent(now, "management_token.created", system, { type: "management_token", id: record.id }, [
        "name",
        "scopes",
      ]),
    );
    return true;
  });
  if (!created) {
    return { issuedToken: null, created: false };
  }
  return { issuedToken: suppliedToken === undefined ? token : null, created: true };
}
