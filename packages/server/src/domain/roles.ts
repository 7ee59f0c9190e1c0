import type { components } from "@keyward/contract";
import { auditEvent, type Context, changedFields } from "./context.js";
import { KeywardError, notFound } from "./errors.js";
import { newId } from "./ids.js";
import { resolveGrants } from "./permissions.js";
import type { WriteTables } from "./ports.js";
import type { Actor, RoleRecord } from "./types.js";

type RoleCreate = components["schemas"]["RoleCreate"];
type RoleUpdate = components["schemas"]["RoleUpdate"];

export function roleService({ store, clock, catalog }: Context) {
  async function assertNameFree(tx: WriteTables, name: string, selfId?: string) {
    const { items } = await tx.roles.list({ where: { name }, limit: 1 });
    if (items[0] && items[0].id !== selfId) {
      throw new KeywardError("role_name_taken", `A role named "${name}" exists.`, {
        errors: [{ path: "/body/name", message: "already taken" }],
      });
    }
  }

  return {
    list(query: { after?: string; limit: number }) {
      return store.read.roles.list(query);
    },

    async get(id: string) {
      const role = await store.read.roles.get(id);
      if (!role) {
        throw notFound("role", id);
      }
      return role;
    },

    async create(input: RoleCreate, actor: Actor) {
      const now = clock();
      const grants = resolveGrants(input, catalog);
      const role: RoleRecord = {
        id: newId("rol"),
        name: input.name,
        description: input.description ?? "",
        ...grants,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      await store.transaction(async (tx) => {
        await assertNameFree(tx, role.name);
        await tx.roles.put(role);
        tx.audit(auditEvent(now, "role.created", actor, { type: "role", id: role.id }, changedFields(input)));
      });
      return role;
    },

    async update(id: string, patch: RoleUpdate, actor: Actor) {
      const now = clock();
      const grants = patch.permissions !== undefined || patch.preset !== undefined ? resolveGrants(patch, catalog) : {};
      const role = await store.transaction(async (tx) => {
        const current = await tx.roles.get(id);
        if (!current) {
          throw notFound("role", id);
        }
        if (patch.name !== undefined) {
          await assertNameFree(tx, patch.name, id);
        }
        const next: RoleRecord = {
          ...current,
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...grants,
          updated_at: now.toISOString(),
        };
        await tx.roles.put(next);
        tx.audit(auditEvent(now, "role.updated", actor, { type: "role", id }, changedFields(patch)));
        return next;
      });
      return role;
    },

    async delete(id: string, actor: Actor) {
      const now = clock();
      await store.transaction(async (tx) => {
        if (!(await tx.roles.get(id))) {
          throw notFound("role", id);
        }
        const { items } = await tx.users.list({ filter: (user) => user.role_ids.includes(id) });
        if (items.length > 0) {
          const names = items
            .slice(0, 5)
            .map((user) => user.username)
            .join(", ");
          throw new KeywardError(
            "role_in_use",
            `The role is assigned to ${items.length} user(s) (${names}); unassign it first.`,
          );
        }
        await tx.roles.delete(id);
        tx.audit(auditEvent(now, "role.deleted", actor, { type: "role", id }));
      });
    },
  };
}
