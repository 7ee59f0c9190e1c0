// /v1/management-tokens (scope tokens:manage, enforced from the contract before these run) and
// /v1/management-token (the calling token itself, any scope). Each handler reads
// the validated request, calls one use case and shapes the response.
import { Router } from "express";
import type { Keyward } from "../../domain/keyward.js";
import type { ApiKeyStatus } from "../../domain/types.js";
import { actorOf, tokenCaller } from "../auth.js";
import { pageBody, pageQuery } from "./paging.js";

export function managementTokenRoutes(keyward: Keyward): Router {
  const router = Router();
  const tokens = keyward.managementTokens;
  const id = (value: string | string[] | undefined) => String(value);

  router.get("/v1/management-token", async (req, res) => void res.json(await tokens.get(tokenCaller(req).tokenId)));
  router.get("/v1/management-tokens", async (req, res) => {
    const query = req.query as { user_id?: string; status?: ApiKeyStatus };
    res.json(pageBody(await tokens.list({ ...pageQuery(req), ...(query.user_id && { userId: query.user_id }), ...(query.status && { status: query.status }) })));
  });
  router.post("/v1/management-tokens", async (req, res) => void res.status(201).json(await tokens.create(req.body, tokenCaller(req))));
  router.get("/v1/management-tokens/:token_id", async (req, res) => void res.json(await tokens.get(id(req.params.token_id))));
  router.patch("/v1/management-tokens/:token_id", async (req, res) => void res.json(await tokens.update(id(req.params.token_id), req.body, tokenCaller(req))));
  router.delete("/v1/management-tokens/:token_id", async (req, res) => void res.json(await tokens.revoke(id(req.params.token_id), actorOf(req))));
  router.post("/v1/management-tokens/:token_id/rotate", async (req, res) => {
    const grace = (req.body as { grace_period_seconds?: number } | undefined)?.grace_period_seconds ?? 0;
    res.json(await tokens.rotate(id(req.params.token_id), grace, actorOf(req)));
  });
  return router;
}
