// Management endpoints (admin token). Each handler: read the validated request, call one use case,
// shape the response.
import { Router } from "express";
import type { Keyward } from "../../domain/keyward.js";
import { actorOf } from "../auth.js";
import { pageBody, pageQuery } from "./paging.js";

const param = (value: string | string[] | undefined): string => (Array.isArray(value) ? value[0] ?? "" : value ?? "");

export function managementRoutes(keyward: Keyward): Router {
  const router = Router();
  const { users, roles, keys, settings, audit } = keyward;

  router.get("/v1/users", async (req, res) => {
    const query = req.query as { kind?: "integration" | "person"; active?: boolean };
    res.json(pageBody(await users.list({ ...pageQuery(req), ...(query.kind && { kind: query.kind }), ...(query.active !== undefined && { active: query.active }) })));
  });
  router.post("/v1/users", async (req, res) => void res.status(201).json(await users.create(req.body, actorOf(req))));
  router.get("/v1/users/:user_id", async (req, res) => void res.json(await users.get(param(req.params.user_id))));
  router.patch("/v1/users/:user_id", async (req, res) => void res.json(await users.update(param(req.params.user_id), req.body, actorOf(req))));
  router.delete("/v1/users/:user_id", async (req, res) => void res.json(await users.delete(param(req.params.user_id), actorOf(req))));

  router.get("/v1/roles", async (req, res) => void res.json(pageBody(await roles.list(pageQuery(req)))));
  router.post("/v1/roles", async (req, res) => void res.status(201).json(await roles.create(req.body, actorOf(req))));
  router.get("/v1/roles/:role_id", async (req, res) => void res.json(await roles.get(param(req.params.role_id))));
  router.patch("/v1/roles/:role_id", async (req, res) => void res.json(await roles.update(param(req.params.role_id), req.body, actorOf(req))));
  router.delete("/v1/roles/:role_id", async (req, res) => {
    await roles.delete(param(req.params.role_id), actorOf(req));
    res.status(204).end();
  });

  router.get("/v1/api-keys", async (req, res) => {
    const query = req.query as { user_id?: string; status?: "active" | "disabled" | "expired" | "revoked" };
    const page = await keys.list({ ...pageQuery(req), ...(query.user_id && { userId: query.user_id }), ...(query.status && { status: query.status }) });
    res.json(pageBody(page));
  });
  router.post("/v1/api-keys", async (req, res) => void res.status(201).json(await keys.create(req.body, actorOf(req))));
  router.post("/v1/api-keys/revoke-all", async (req, res) => void res.json(await keys.revokeAll(actorOf(req))));
  router.get("/v1/api-keys/:key_id", async (req, res) => void res.json(await keys.get(param(req.params.key_id))));
  router.patch("/v1/api-keys/:key_id", async (req, res) => void res.json(await keys.update(param(req.params.key_id), req.body, actorOf(req))));
  router.delete("/v1/api-keys/:key_id", async (req, res) => void res.json(await keys.revoke(param(req.params.key_id), actorOf(req))));
  router.post("/v1/api-keys/:key_id/rotate", async (req, res) => {
    const body = req.body as { grace_period_seconds?: number; token?: string } | undefined;
    res.json(await keys.rotate(param(req.params.key_id), body?.grace_period_seconds ?? 0, actorOf(req), body?.token));
  });

  router.get("/v1/settings", async (_req, res) => void res.json(await settings.get()));
  router.patch("/v1/settings", async (req, res) => void res.json(await settings.update(req.body, actorOf(req))));

  router.get("/v1/audit-events", async (req, res) => {
    const query = req.query as { action?: Parameters<typeof audit.list>[0]["action"]; target_id?: string };
    const { after, limit } = pageQuery(req);
    const page = await audit.list({ limit, ...(after !== undefined && { after }), ...(query.action && { action: query.action }), ...(query.target_id && { targetId: query.target_id }) });
    res.json(pageBody(page));
  });

  router.post("/v1/keys/verify", async (req, res) => void res.json(await keyward.access.verify(req.body)));
  return router;
}
