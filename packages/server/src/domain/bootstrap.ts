// First start on an empty store: create the `admin` user and one admin token, shown once.
import { auditEvent, type Context } from "./context.js";
import { KeywardError } from "./errors.js";
import { DEFAULT_SETTINGS } from "./key-rules.js";
import { newId } from "./ids.js";
import { generateKeywardToken, parseKeywardToken } from "@keyward/contract";
import { displayPrefix, hashToken } from "./tokens.js";
import type { AdminTokenRecord, UserRecord } from "./types.js";

export interface BootstrapResult {
  /** Set only when this start created the admin token and it was not supplied by the operator. */
  issuedToken: string | null;
  created: boolean;
}

export async function bootstrapAdmin({ store, clock }: Context, suppliedToken?: string): Promise<BootstrapResult> {
  if (suppliedToken !== undefined) {
    const parsed = parseKeywardToken(suppliedToken);
    if (!parsed.ok || parsed.kind !== "admin") {
      throw new KeywardError("malformed_token", "KEYWARD_ADMIN_TOKEN must be an admin token (kwa_…) with a valid checksum.");
    }
  }
  const token = suppliedToken ?? generateKeywardToken("admin");
  const now = clock();
  const created = await store.transaction(async (tx) => {
    if ((await tx.users.list({ limit: 1 })).items.length > 0) return null;
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
    const record: AdminTokenRecord = { id: newId("adm"), user_id: admin.id, token_hash: hashToken(token), prefix: displayPrefix(token), created_at: now.toISOString() };
    await tx.users.put(admin);
    await tx.adminTokens.put(record);
    // Stored once, so that every request reads them instead of building the defaults again.
    if (!(await tx.settings())) await tx.putSettings(DEFAULT_SETTINGS(now));
    const system = { type: "system" as const, id: null };
    tx.audit(
      auditEvent(now, "user.created", system, { type: "user", id: admin.id }, ["username", "is_admin"]),
      auditEvent(now, "admin_token.created", system, { type: "admin_token", id: record.id }),
    );
    return true;
  });
  if (!created) return { issuedToken: null, created: false };
  return { issuedToken: suppliedToken === undefined ? token : null, created: true };
}
