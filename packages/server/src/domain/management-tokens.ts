// Management tokens (`kwa_…`): scoped credentials of admin users for the management API. Issued, rotated,
// disabled and revoked like keys, shown once, stored hashed. Two rules keep the plane safe: no token can grant a
// scope its issuer lacks, and the last usable token with `tokens:manage` can't be revoked, disabled or narrowed
// (nobody could issue tokens again).

import type { components } from "@keyward/contract";
import { generateKeywardToken } from "@keyward/contract";
import { auditEvent, type Context, changedFields } from "./context.js";
import { KeywardError, notFound } from "./errors.js";
import { newId } from "./ids.js";
import { checkFuture, keyStatus } from "./key-rules.js";
import type { WriteTables } from "./ports.js";
import { displayPrefix, hashToken, revoked, rotated } from "./tokens.js";
import type {
  Actor,
  ApiKeyStatus,
  ManagementScope,
  ManagementToken,
  ManagementTokenRecord,
  UserRecord,
} from "./types.js";

type Schemas = components["schemas"];
type ManagementTokenCreate = Schemas["ManagementTokenCreate"];
type ManagementTokenUpdate = Schemas["ManagementTokenUpdate"];
type ManagementTokenWithToken = Schemas["ManagementTokenWithToken"];

const MANAGE: ManagementScope = "tokens:manage";

/** Who is issuing or changing a token: the audit actor plus what its own token may do. */
export interface TokenCaller {
  actor: Actor;
  userId: string;
  tokenId: string;
  scopes: readonly ManagementScope[];
}

/** A `…:write` scope includes the matching `…:read`. */
export function scopeSatisfies(held: readonly ManagementScope[], needed: ManagementScope): boolean {
  return (
    held.includes(needed) ||
    (needed.endsWith(":read") && held.includes(needed.replace(/:read$/, ":write") as ManagementScope))
  );
}

export function missingScopes(held: readonly ManagementScope[], wanted: readonly ManagementScope[]): ManagementScope[] {
  return wanted.filter((scope) => !scopeSatisfies(held, scope));
}

export function publicToken(record: ManagementTokenRecord, lastUsedAt: string | null, now: Date): ManagementToken {
  const { token_hash: _hash, previous_token_hash: _prev, previous_token_expires_at: _prevExp, ...rest } = record;
  return { ...rest, status: keyStatus(record, now), last_used_at: lastUsedAt };
}

/** A token that authenticates now and may manage tokens: active, unexpired, of an active admin. */
/** The fields a new management token is made of; the rest (id, hashes, timestamps) is derived. */
type ManagementTokenFields = Pick<
  ManagementTokenRecord,
  "user_id" | "name" | "description" | "scopes" | "expires_at" | "active" | "created_by"
>;

/** A new management token's record for `token` (stored as its hash only), whoever issues it. */
export function newManagementToken(fields: ManagementTokenFields, token: string, now: Date): ManagementTokenRecord {
  return {
    ...fields,
    id: newId("adm"),
    scopes: [...new Set(fields.scopes)],
    prefix: displayPrefix(token),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    revoked_at: null,
    token_hash: hashToken(token),
    previous_token_hash: null,
    previous_token_expires_at: null,
  };
}

function canManage(token: ManagementTokenRecord, owner: UserRecord | undefined, now: Date): boolean {
  return (
    token.scopes.includes(MANAGE) && keyStatus(token, now) === "active" && owner?.active === true && owner.is_admin
  );
}

/** After the changes staged in `tx`, some usable token with `tokens:manage` must remain. */
export async function assertManageTokenRemains(tx: WriteTables, now: Date, doing: string): Promise<void> {
  const { items } = await tx.managementTokens.list({
    filter: (token) => token.scopes.includes(MANAGE) && keyStatus(token, now) === "active",
  });
  for (const token of items) {
    if (canManage(token, await tx.users.get(token.user_id), now)) {
      return;
    }
  }
  throw new KeywardError(
    "last_manage_token",
    `This would leave no usable management token with ${MANAGE}, so nobody could issue tokens again; ${doing}.`,
  );
}

function refuseEscalation(caller: TokenCaller, wanted: readonly ManagementScope[]): void {
  const lacking = missingScopes(caller.scopes, wanted);
  if (lacking.length === 0) {
    return;
  }
  throw new KeywardError("scope_escalation", `A token can't grant scopes its caller lacks: ${lacking.join(", ")}.`, {
    errors: [{ path: "/body/scopes", message: `not held by the caller: ${lacking.join(", ")}` }],
    extra: { scopes: lacking },
  });
}

export function managementTokenService({ store, clock }: Context) {
  const view = (record: ManagementTokenRecord, now = clock()) => publicToken(record, store.lastUsedAt(record.id), now);

  async function requireLive(tx: WriteTables, id: string, doing: string): Promise<ManagementTokenRecord> {
    const token = await tx.managementTokens.get(id);
    if (!token) {
      throw notFound("management token", id);
    }
    if (token.revoked_at) {
      throw new KeywardError(
        "token_revoked",
        `Management token ${token.prefix}… was revoked at ${token.revoked_at}; it can't be ${doing}.`,
      );
    }
    return token;
  }

  async function requireAdmin(tx: WriteTables, userId: string): Promise<UserRecord> {
    const user = await tx.users.get(userId);
    if (!user) {
      throw new KeywardError("unknown_user", `No user with id ${userId}.`, {
        errors: [{ path: "/body/user_id", message: "no such user" }],
      });
    }
    if (!user.is_admin || !user.active) {
      throw new KeywardError(
        "user_not_admin",
        `${user.username} is not an active admin; management tokens belong to admin users.`,
        {
          errors: [{ path: "/body/user_id", message: "must be an active admin user" }],
        },
      );
    }
    return user;
  }

  return {
    async list(query: { userId?: string; status?: ApiKeyStatus; after?: string; limit: number }) {
      const now = clock();
      const page = await store.read.managementTokens.list({
        ...(query.userId !== undefined && { where: { user_id: query.userId } }),
        ...(query.status !== undefined && {
          filter: (token: ManagementTokenRecord) => keyStatus(token, now) === query.status,
        }),
        after: query.after,
        limit: query.limit,
      });
      return { items: page.items.map((token) => view(token, now)), next: page.next };
    },

    async get(id: string) {
      const token = await store.read.managementTokens.get(id);
      if (!token) {
        throw notFound("management token", id);
      }
      return view(token);
    },

    async create(input: ManagementTokenCreate, caller: TokenCaller): Promise<ManagementTokenWithToken> {
      const now = clock();
      refuseEscalation(caller, input.scopes);
      checkFuture(input.expires_at, now);
      const token = generateKeywardToken("admin");
      const record = await store.transaction(async (tx) => {
        const owner = await requireAdmin(tx, input.user_id ?? caller.userId);
        const created = newManagementToken(
          {
            user_id: owner.id,
            name: input.name,
            description: input.description ?? "",
            scopes: input.scopes,
            expires_at: input.expires_at ?? null,
            active: input.active ?? true,
            created_by: caller.userId,
          },
          token,
          now,
        );
        await tx.managementTokens.put(created);
        tx.audit(
          auditEvent(
            now,
            "management_token.created",
            caller.actor,
            { type: "management_token", id: created.id },
            changedFields(input),
          ),
        );
        return created;
      });
      return { ...view(record, now), token };
    },

    async update(id: string, patch: ManagementTokenUpdate, caller: TokenCaller) {
      const now = clock();
      if (patch.scopes !== undefined) {
        refuseEscalation(caller, patch.scopes);
      }
      checkFuture(patch.expires_at, now);
      const record = await store.transaction(async (tx) => {
        const current = await requireLive(tx, id, "changed");
        const next: ManagementTokenRecord = {
          ...current,
          ...patch,
          ...(patch.scopes !== undefined && { scopes: [...new Set(patch.scopes)] }),
          updated_at: now.toISOString(),
        };
        await tx.managementTokens.put(next);
        if (canManage(current, await tx.users.get(current.user_id), now)) {
          await assertManageTokenRemains(tx, now, "issue another one first");
        }
        tx.audit(
          auditEvent(
            now,
            "management_token.updated",
            caller.actor,
            { type: "management_token", id },
            changedFields(patch),
          ),
        );
        return next;
      });
      return view(record, now);
    },

    async revoke(id: string, actor: Actor) {
      const now = clock();
      const record = await store.transaction(async (tx) => {
        const current = await tx.managementTokens.get(id);
        if (!current) {
          throw notFound("management token", id);
        }
        if (current.revoked_at) {
          return current;
        }
        const next = revoked(current, now);
        await tx.managementTokens.put(next);
        await assertManageTokenRemains(tx, now, "issue another token with tokens:manage before revoking this one");
        tx.audit(auditEvent(now, "management_token.revoked", actor, { type: "management_token", id }, ["revoked_at"]));
        return next;
      });
      return view(record, now);
    },

    async rotate(id: string, gracePeriodSeconds: number, actor: Actor): Promise<ManagementTokenWithToken> {
      const now = clock();
      const token = generateKeywardToken("admin");
      const record = await store.transaction(async (tx) => {
        const current = await requireLive(tx, id, "rotated");
        const next = rotated(current, token, gracePeriodSeconds, now);
        await tx.managementTokens.put(next);
        tx.audit(
          auditEvent(now, "management_token.rotated", actor, { type: "management_token", id }, ["token", "prefix"]),
        );
        return next;
      });
      return { ...view(record, now), token };
    },
  };
}
