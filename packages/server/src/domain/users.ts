import type { components } from "@keyward/contract";
import { auditEvent, type Context, changedFields } from "./context.js";
import { KeywardError, notFound } from "./errors.js";
import { newId } from "./ids.js";
import { assertManageTokenRemains } from "./management-tokens.js";
import type { WriteTables } from "./ports.js";
import { revoked } from "./tokens.js";
import type { Actor, UserRecord } from "./types.js";

type UserCreate = components["schemas"]["UserCreate"];
type UserUpdate = components["schemas"]["UserUpdate"];

export function userService({ store, clock }: Context) {
  async function assertUsernameFree(tx: WriteTables, username: string, selfId?: string) {
    const { items } = await tx.users.list({ where: { username }, limit: 1 });
    if (items[0] && items[0].id !== selfId) {
      throw new KeywardError("username_taken", `The username "${username}" is taken.`, {
        errors: [{ path: "/body/username", message: "already taken" }],
      });
    }
  }

  async function assertRolesExist(tx: WriteTables, roleIds: readonly string[]) {
    const errors = [];
    for (const [index, id] of roleIds.entries()) {
      if (!(await tx.roles.get(id))) {
        errors.push({ path: `/body/role_ids/${index}`, message: `no role with id ${id}` });
      }
    }
    if (errors.length > 0) {
      throw new KeywardError("unknown_role", errors.map((e) => e.message).join("; "), { errors });
    }
  }

  /** The last active admin can't be removed, demoted or deactivated: nobody could manage Keyward. */
  async function assertNotLastAdmin(tx: WriteTables, user: UserRecord, doing: string) {
    if (!user.is_admin || !user.active) {
      return;
    }
    const { items } = await tx.users.list({ where: { is_admin: true, active: true }, limit: 2 });
    if (items.length < 2) {
      throw new KeywardError("last_admin", `${user.username} is the last active admin and can't be ${doing}.`);
    }
  }

  async function liveKeysOf(tx: WriteTables, userId: string) {
    return (await tx.keys.list({ where: { user_id: userId }, filter: (k) => !k.revoked_at })).items;
  }

  return {
    async list(query: { kind?: UserRecord["kind"]; active?: boolean; after?: string; limit: number }) {
      const where: Partial<UserRecord> = {};
      if (query.kind !== undefined) {
        where.kind = query.kind;
      }
      if (query.active !== undefined) {
        where.active = query.active;
      }
      return store.read.users.list({ where, after: query.after, limit: query.limit });
    },

    async get(id: string) {
      const user = await store.read.users.get(id);
      if (!user) {
        throw notFound("user", id);
      }
      return user;
    },

    async create(input: UserCreate, actor: Actor) {
      const kind = input.kind ?? "integration";
      const isAdmin = input.is_admin ?? false;
      if (kind === "integration" && isAdmin) {
        throw new KeywardError(
          "integration_user_cannot_be_admin",
          "An integration user can't be an admin: give the integration its own non-admin user.",
          {
            errors: [{ path: "/body/is_admin", message: "must be false for kind integration" }],
          },
        );
      }
      const now = clock();
      const user: UserRecord = {
        id: newId("usr"),
        username: input.username,
        name: input.name,
        email: input.email ?? null,
        kind,
        is_admin: isAdmin,
        role_ids: input.role_ids ?? [],
        active: input.active ?? true,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      await store.transaction(async (tx) => {
        await assertUsernameFree(tx, user.username);
        await assertRolesExist(tx, user.role_ids);
        await tx.users.put(user);
        tx.audit(auditEvent(now, "user.created", actor, { type: "user", id: user.id }, changedFields(input)));
      });
      return user;
    },

    async update(id: string, patch: UserUpdate, actor: Actor) {
      const now = clock();
      const user = await store.transaction(async (tx) => {
        const current = await tx.users.get(id);
        if (!current) {
          throw notFound("user", id);
        }
        if (patch.username !== undefined) {
          await assertUsernameFree(tx, patch.username, id);
        }
        if (patch.role_ids !== undefined) {
          await assertRolesExist(tx, patch.role_ids);
        }
        if (patch.is_admin === true && !current.is_admin) {
          if (current.kind === "integration") {
            throw new KeywardError(
              "integration_user_cannot_be_admin",
              `${current.username} is an integration user and can't be made an admin.`,
              {
                errors: [{ path: "/body/is_admin", message: "must be false for kind integration" }],
              },
            );
          }
          const keys = await liveKeysOf(tx, id);
          if (keys.length > 0) {
            throw new KeywardError(
              "user_owns_keys",
              `${current.username} owns ${keys.length} API key(s) and can't be made an admin; revoke them first.`,
            );
          }
        }
        if (patch.is_admin === false) {
          await assertNotLastAdmin(tx, current, "demoted");
        }
        if (patch.active === false) {
          await assertNotLastAdmin(tx, current, "deactivated");
        }
        const next: UserRecord = { ...current, ...patch, updated_at: now.toISOString() };
        await tx.users.put(next);
        if (patch.is_admin === false || patch.active === false) {
          await assertManageTokenRemains(tx, now, `${current.username} holds it`);
        }
        tx.audit(auditEvent(now, "user.updated", actor, { type: "user", id }, changedFields(patch)));
        return next;
      });
      return user;
    },

    /** Deletes the user and revokes its keys and management tokens. */
    async delete(id: string, actor: Actor) {
      const now = clock();
      const revokedKeys = await store.transaction(async (tx) => {
        const current = await tx.users.get(id);
        if (!current) {
          throw notFound("user", id);
        }
        await assertNotLastAdmin(tx, current, "deleted");
        const keys = await liveKeysOf(tx, id);
        for (const key of keys) {
          await tx.keys.put(revoked(key, now));
        }
        const tokens = (await tx.managementTokens.list({ where: { user_id: id }, filter: (t) => !t.revoked_at })).items;
        for (const token of tokens) {
          await tx.managementTokens.put(revoked(token, now));
        }
        await tx.users.delete(id);
        await assertManageTokenRemains(tx, now, `${current.username} holds it`);
        tx.audit(
          ...keys.map((key) => auditEvent(now, "key.revoked", actor, { type: "key", id: key.id }, ["revoked_at"])),
          ...tokens.map((token) =>
            auditEvent(now, "management_token.revoked", actor, { type: "management_token", id: token.id }, [
              "revoked_at",
            ]),
          ),
          auditEvent(now, "user.deleted", actor, { type: "user", id }),
        );
        return keys.length;
      });
      return { id, revoked_keys: revokedKeys };
    },
  };
}
