// `GET /console`: the admin console's static build (packages/console, built by Vite), under a strict
// Content-Security-Policy: only this origin's scripts and styles, no inline code or style attributes, no framing.
// The assets are optional: a server installed without @keyward/console answers /console with a 404 that says so.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import express, { Router } from "express";
import { sendProblem } from "./problem.js";

export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The built console (`@keyward/console`'s dist), or undefined when it isn't installed or built. */
export function consoleDist(): string | undefined {
  try {
    const dist = join(dirname(createRequire(import.meta.url).resolve("@keyward/console/package.json")), "dist");
    return existsSync(join(dist, "index.html")) ? dist : undefined;
  } catch {
    return undefined;
  }
}

export function consoleRoutes(dist = consoleDist()): Router {
  const router = Router();
  router.use("/console", (req, res, next) => {
    res.setHeader("Content-Security-Policy", CONSOLE_CSP);
    if (!dist) return sendProblem(res, { code: "not_found", detail: "The admin console is not built: run `npm run build`." });
    next();
  });
  if (!dist) return router;
  // Hashed file names: cached for good. The page itself is never cached, so a new build is picked up at once.
  router.use("/console/assets", express.static(join(dist, "assets"), { index: false, immutable: true, maxAge: "1y", fallthrough: false }));
  router.get(["/console", "/console/"], (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.sendFile(join(dist, "index.html"));
  });
  return router;
}
