// Management operations (admin token). Each handler: read the validated request, call one use case,
// shape the response.
import type { Keyward } from "../../domain/keyward.js";
import { actorOf } from "../auth.js";
import type { OperationHandlers } from "../operations.js";
import { pageBody, pageQuery } from "./paging.js";

export function managementHandlers(keyward: Keyward) {
  const { users, roles, keys, settings, audit } = keyward;
  return {
    listUsers: async (req, res) => {
      const { kind, active } = req.query;
      res.json(
        pageBody(
          await users.list({ ...pageQuery(req.query), ...(kind && { kind }), ...(active !== undefined && { active }) }),
        ),
      );
    },
    createUser: async (req, res) => void res.status(201).json(await users.create(req.body, actorOf(req))),
    getUser: async (req, res) => void res.json(await users.get(req.params.user_id)),
    updateUser: async (req, res) => void res.json(await users.update(req.params.user_id, req.body, actorOf(req))),
    deleteUser: async (req, res) => void res.json(await users.delete(req.params.user_id, actorOf(req))),

    listRoles: async (req, res) => void res.json(pageBody(await roles.list(pageQuery(req.query)))),
    createRole: async (req, res) => void res.status(201).json(await roles.create(req.body, actorOf(req))),
    getRole: async (req, res) => void res.json(await roles.get(req.params.role_id)),
    updateRole: async (req, res) => void res.json(await roles.update(req.params.role_id, req.body, actorOf(req))),
    deleteRole: async (req, res) => {
      await roles.delete(req.params.role_id, actorOf(req));
      res.status(204).end();
    },

    listApiKeys: async (req, res) => {
      const { user_id, status } = req.query;
      res.json(
        pageBody(
          await keys.list({ ...pageQuery(req.query), ...(user_id && { userId: user_id }), ...(status && { status }) }),
        ),
      );
    },
    createApiKey: async (req, res) => void res.status(201).json(await keys.create(req.body, actorOf(req))),
    revokeAllApiKeys: async (req, res) => void res.json(await keys.revokeAll(actorOf(req))),
    getApiKey: async (req, res) => void res.json(await keys.get(req.params.key_id)),
    updateApiKey: async (req, res) => void res.json(await keys.update(req.params.key_id, req.body, actorOf(req))),
    revokeApiKey: async (req, res) => void res.json(await keys.revoke(req.params.key_id, actorOf(req))),
    rotateApiKey: async (req, res) =>
      void res.json(
        await keys.rotate(req.params.key_id, req.body?.grace_period_seconds ?? 0, actorOf(req), req.body?.token),
      ),

    getSettings: async (_req, res) => void res.json(await settings.get()),
    updateSettings: async (req, res) => void res.json(await settings.update(req.body, actorOf(req))),

    listAuditEvents: async (req, res) => {
      const { action, target_id } = req.query;
      res.json(
        pageBody(
          await audit.list({
            ...pageQuery(req.query),
            ...(action && { action }),
            ...(target_id && { targetId: target_id }),
          }),
        ),
      );
    },

    verifyKey: async (req, res) => void res.json(await keyward.access.verify(req.body)),
  } satisfies Partial<OperationHandlers>;
}
