import { Router } from "express";
import type { Keyward } from "../../domain/keyward.js";
import { keyPrincipal } from "../auth.js";

export function introspectionRoutes(keyward: Keyward, version: string): Router {
  const router = Router();
  router.get("/v1/health", (_req, res) => void res.json({ status: "ok", version, ...keyward.health() }));
  router.get("/v1/permissions", (_req, res) => void res.json(keyward.access.catalog()));
  router.get("/v1/me", (req, res) => void res.json(keyward.access.me(keyPrincipal(req))));
  return router;
}
