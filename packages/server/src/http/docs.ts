// `GET /docs`: an API reference rendered from openapi.yaml by Swagger UI, served from the local
// swagger-ui-dist package (no CDN), and `GET /openapi.yaml` itself.
import { createRequire } from "node:module";
import { dirname } from "node:path";
import express, { Router } from "express";
import type { Contract } from "./contract.js";

const swaggerDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Keyward API reference</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="reference"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: "/openapi.yaml", dom_id: "#reference", deepLinking: true });`;

export function docsRoutes(contract: Contract): Router {
  const router = Router();
  router.get("/openapi.yaml", (_req, res) => void res.type("application/yaml").send(contract.text));
  router.get("/docs", (_req, res) => void res.type("html").send(PAGE));
  router.get("/docs/init.js", (_req, res) => void res.type("application/javascript").send(INIT));
  router.use("/docs/assets", express.static(swaggerDir, { index: false }));
  return router;
}
