// Management operations (admin token). Each handler: read the validated request, call one use case,
// shape the response.
import type { Keyward } from "../../domain/keyward.js";
import { actorOf } from "../auth.js";
import { created, noContent, type OperationHandlers, ok } from "../operations.js";
import { pageBody, pageQuery } from "./paging.js";

export function managementHandlers(keyward: Keyward) {
  const { users, roles, keys, settings, audit } = keyward;
  return {
    listUsers: async (req) => {
      const { kind, active } = req.query;
      return ok(
        pageBody(
          await users.list({ ...pageQuery(req.query), ...(kind && { kind }), ...(active !== undefined && { active }) }),
        ),
      );
    },
    createUser: async (req) => created(await users.create(req.body, actorOf(req))),
    getUser: async (req) => ok(await users.get(req.params.user_id)),
    updateUser: async (req) => ok(await users.update(req.params.user_id, req.body, actorOf(req))),
    deleteUser: async (req) => ok(await users.delete(req.params.user_id, actorOf(req))),

    listRoles: async (req) => ok(pageBody(await roles.list(pageQuery(req.query)))),
    createRole: async (req) => created(await roles.create(req.body, actorOf(req))),
    getRole: async (req) => ok(await roles.get(req.params.role_id)),
    updateRole: async (req) => ok(await roles.update(req.params.role_id, req.body, actorOf(req))),
    deleteRole: async (req) => {
      await roles.delete(req.params.role_id, actorOf(req));
      return noContent;
    },

    listApiKeys: async (req) => {
      const { user_id, status } = req.query;
      return ok(
        pageBody(
          await keys.list({ ...pageQuery(req.query), ...(user_id && { userId: user_id }), ...(status && { status }) }),
        ),
      );
    },
    createApiKey: async (req) => created(await keys.create(req.body, actorOf(req))),
    revokeAllApiKeys: async (req) => ok(await keys.revokeAll(actorOf(req))),
    getApiKey: async (req) => ok(await keys.get(req.params.key_id)),
    updateApiKey: async (req) => ok(await keys.update(req.params.key_id, req.body, actorOf(req))),
    revokeApiKey: async (req) => ok(await keys.revoke(req.params.key_id, actorOf(req))),
    rotateApiKey: async (req) =>
      ok(await keys.rotate(req.params.key_id, req.body?.grace_period_seconds ?? 0, actorOf(req), req.body?.token)),

    getSettings: async (_req) => ok(await settings.get()),
    updateSettings: async (req) => ok(await settings.update(req.body, actorOf(req))),

    listAuditEvents: async (req) => {
      const { action, target_id } = req.query;
      return ok(
        pageBody(
          await audit.list({
            ...pageQuery(req.query),
            ...(action && { action }),
            ...(target_id && { targetId: target_id }),
          }),
        ),
      );
    },

    verifyKey: async (req) => ok(await keyward.access.verify(req.body)),
  } satisfies Partial<OperationHandlers>;
}
