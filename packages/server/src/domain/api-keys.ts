import type { components } from "@keyward/contract";
import { auditEvent, type Context, changedFields, currentSettings } from "./context.js";
import { KeywardError, notFound } from "./errors.js";
import { newId } from "./ids.js";
import { checkAllowedIps, checkExpiry, isInactive, keyStatus, publicKey } from "./key-rules.js";
import { resolveGrants } from "./permissions.js";
import { requireUnusedToken, tokenToInstall } from "./supplied-token.js";
import { displayPrefix, hashToken, revoked, rotated } from "./tokens.js";
import type { Actor, ApiKey, ApiKeyStatus, KeyRecord } from "./types.js";

type ApiKeyCreate = components["schemas"]["ApiKeyCreate"];
type ApiKeyUpdate = components["schemas"]["ApiKeyUpdate"];
type ApiKeyWithToken = components["schemas"]["ApiKeyWithToken"];

export function apiKeyService(ctx: Context) {
  const { store, clock, catalog } = ctx;
  const view = (record: KeyRecord, now = clock()): ApiKey => publicKey(record, store.lastUsedAt(record.id), now);

  /**
   * Disables keys unused for `key_inactivity_days`: every key (periodically, at start and before a list), or only
   * the one key a read or an authentication is about.
   */
  async function disableInactiveKeys(onlyKeyId?: string): Promise<number> {
    const now = clock();
    const settings = await currentSettings(store.read, now);
    if (settings.key_inactivity_days === 0) {
      return 0;
    }
    const inactive = (key: KeyRecord) => isInactive(key, store.lastUsedAt(key.id), settings, now);
    const candidates =
      onlyKeyId === undefined
        ? (await store.read.keys.list({ filter: inactive })).items
        : [await store.read.keys.get(onlyKeyId)];
    const stale = candidates.filter((key): key is KeyRecord => key !== undefined && inactive(key));
    if (stale.length === 0) {
      return 0;
    }
    const disabled = await store.transaction(async (tx) => {
      const ids: string[] = [];
      for (const { id } of stale) {
        const key = await tx.keys.get(id);
        if (!key || !isInactive(key, store.lastUsedAt(id), settings, now)) {
          continue;
        }
        await tx.keys.put({ ...key, active: false, disabled_reason: "inactivity", updated_at: now.toISOString() });
        tx.audit(
          auditEvent(now, "key.disabled_inactive", { type: "system", id: null }, { type: "key", id }, [
            "active",
            "disabled_reason",
          ]),
        );
        ids.push(id);
      }
      return ids;
    });
    return disabled.length;
  }

  async function requireLive(id: string, doing: string, tx: Parameters<Parameters<typeof store.transaction>[0]>[0]) {
    const key = await tx.keys.get(id);
    if (!key) {
      throw notFound("API key", id);
    }
    if (key.revoked_at) {
      throw new KeywardError(
        "key_revoked",
        `Key #${key.number} was revoked at ${key.revoked_at}; a revoked key can't be ${doing}.`,
      );
    }
    return key;
  }

  /**
   * Deletes keys revoked more than `revoked_key_retention_days` ago (0 = never), so the store stops growing
   * under create/revoke churn. The audit log keeps their history. Idempotent, so every replica may run it.
   */
  async function purgeRevokedKeys(): Promise<number> {
    const now = clock();
    const { revoked_key_retention_days: days } = await currentSettings(store.read, now);
    if (days === 0) {
      return 0;
    }
    const cutoff = now.getTime() - days * 86_400_000;
    const expired = (key: KeyRecord) => key.revoked_at !== null && Date.parse(key.revoked_at) < cutoff;
    let purged = 0;
    for (;;) {
      const { items } = await store.read.keys.list({ filter: expired, limit: 1000 });
      if (items.length === 0) {
        return purged;
      }
      purged += await store.transaction(async (tx) => {
        let count = 0;
        for (const { id } of items) {
          const key = await tx.keys.get(id);
          if (key && expired(key)) {
            await tx.keys.delete(id);
            count++;
          }
        }
        return count;
      });
    }
  }

  return {
    disableInactiveKeys,
    purgeRevokedKeys,

    async list(query: { userId?: string; status?: ApiKeyStatus; after?: string; limit: number }) {
      await disableInactiveKeys();
      const now = clock();
      const page = await store.read.keys.list({
        ...(query.userId !== undefined && { where: { user_id: query.userId } }),
        ...(query.status !== undefined && { filter: (key: KeyRecord) => keyStatus(key, now) === query.status }),
        after: query.after,
        limit: query.limit,
      });
      return { items: page.items.map((key) => view(key, now)), next: page.next };
    },

    async get(id: string) {
      await disableInactiveKeys(id);
      const key = await store.read.keys.get(id);
      if (!key) {
        throw notFound("API key", id);
      }
      return view(key);
    },

    async create(input: ApiKeyCreate, actor: Actor): Promise<ApiKeyWithToken> {
      const now = clock();
      const grants = resolveGrants(input, catalog);
      checkAllowedIps(input.allowed_ips);
      const { token, supplied } = tokenToInstall(input.token);
      const record = await store.transaction(async (tx) => {
        if (supplied) {
          await requireUnusedToken(store, token);
        }
        checkExpiry(input.expires_at ?? null, await currentSettings(tx, now), now);
        const owner = await tx.users.get(input.user_id);
        if (!owner) {
          throw new KeywardError("unknown_user", `No user with id ${input.user_id}.`, {
            errors: [{ path: "/body/user_id", message: "no such user" }],
          });
        }
        if (owner.is_admin) {
          throw new KeywardError(
            "user_is_admin",
            `${owner.username} is an admin; keys belong to dedicated non-admin integration users.`,
            {
              errors: [{ path: "/body/user_id", message: "owner must not be an admin" }],
            },
          );
        }
        const active = input.active ?? true;
        const key: KeyRecord = {
          id: newId("key"),
          number: await tx.nextKeyNumber(),
          name: input.name,
          description: input.description ?? "",
          user_id: owner.id,
          created_by: actor.id ?? "system",
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
          expires_at: input.expires_at ?? null,
          active,
          disabled_reason: active ? null : "manual",
          prefix: displayPrefix(token),
          ...grants,
          allowed_ips: input.allowed_ips ?? [],
          revoked_at: null,
          token_hash: hashToken(token),
          previous_token_hash: null,
          previous_token_expires_at: null,
          inactivity_since: now.toISOString(),
        };
        await tx.keys.put(key);
        tx.audit(auditEvent(now, "key.created", actor, { type: "key", id: key.id }, changedFields(input)));
        return key;
      });
      return withToken(view(record, now), token, supplied);
    },

    async update(id: string, patch: ApiKeyUpdate, actor: Actor) {
      const now = clock();
      const grants = patch.permissions !== undefined || patch.preset !== undefined ? resolveGrants(patch, catalog) : {};
      checkAllowedIps(patch.allowed_ips);
      const record = await store.transaction(async (tx) => {
        checkExpiry(patch.expires_at, await currentSettings(tx, now), now);
        const current = await requireLive(id, "changed", tx);
        const { permissions: _p, preset: _s, active, ...plain } = patch;
        const next: KeyRecord = { ...current, ...plain, ...grants, updated_at: now.toISOString() };
        if (active === false && current.active) {
          Object.assign(next, { active: false, disabled_reason: "manual" });
        }
        if (active === true && !current.active) {
          Object.assign(next, { active: true, disabled_reason: null, inactivity_since: now.toISOString() });
        }
        await tx.keys.put(next);
        tx.audit(auditEvent(now, "key.updated", actor, { type: "key", id }, changedFields(patch)));
        return next;
      });
      return view(record, now);
    },

    async revoke(id: string, actor: Actor) {
      const now = clock();
      const record = await store.transaction(async (tx) => {
        const current = await tx.keys.get(id);
        if (!current) {
          throw notFound("API key", id);
        }
        if (current.revoked_at) {
          return current;
        }
        const next = revoked(current, now);
        await tx.keys.put(next);
        tx.audit(auditEvent(now, "key.revoked", actor, { type: "key", id }, ["revoked_at"]));
        return next;
      });
      return view(record, now);
    },

    async revokeAll(actor: Actor) {
      const now = clock();
      const count = await store.transaction(async (tx) => {
        const live = (await tx.keys.list({ filter: (key) => !key.revoked_at })).items;
        for (const key of live) {
          await tx.keys.put(revoked(key, now));
        }
        tx.audit(auditEvent(now, "key.revoked_all", actor, { type: "key", id: null }, [`revoked:${live.length}`]));
        return live.length;
      });
      return { revoked: count };
    },

    async rotate(
      id: string,
      gracePeriodSeconds: number,
      actor: Actor,
      suppliedToken?: string,
    ): Promise<ApiKeyWithToken> {
      const now = clock();
      const { token, supplied } = tokenToInstall(suppliedToken);
      const record = await store.transaction(async (tx) => {
        const current = await requireLive(id, "rotated", tx);
        if (supplied) {
          await requireUnusedToken(store, token);
        }
        const next: KeyRecord = {
          ...rotated(current, token, gracePeriodSeconds, now),
          inactivity_since: now.toISOString(),
        };
        await tx.keys.put(next);
        tx.audit(auditEvent(now, "key.rotated", actor, { type: "key", id }, ["token", "prefix"]));
        return next;
      });
      return withToken(view(record, now), token, supplied);
    },
  };
}

/** The token goes back only when Keyward made it: the client already has its own, and a response is one more copy. */
const withToken = (key: ApiKey, token: string, supplied: boolean): ApiKeyWithToken =>
  supplied ? key : { ...key, token };
