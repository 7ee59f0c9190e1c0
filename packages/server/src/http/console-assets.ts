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

/** Where the built console is, or why there is none (a 404 says it). */
export type ConsoleBuild = { dist: string } | { missing: string };

/** The built console (`@keyward/console`'s dist): an optional peer, absent from a server installed on its own. */
export function consoleBuild(): ConsoleBuild {
  let dir: string;
  try {
    dir = dirname(createRequire(import.meta.url).resolve("@keyward/console/package.json"));
  } catch {
    return {
      missing:
        "The admin console is not installed with this server (@keyward/console is missing); it is built in the Keyward repository by `npm run build`.",
    };
  }
  const dist = join(dir, "dist");
  return existsSync(join(dist, "index.html"))
    ? { dist }
    : { missing: "The admin console is not built: run `npm run build`." };
}

export function consoleRoutes(build = consoleBuild()): Router {
  const router = Router();
  router.use("/console", (_req, res, next) => {
    res.setHeader("Content-Security-Policy", CONSOLE_CSP);
    if ("missing" in build) {
      return sendProblem(res, { code: "not_found", detail: build.missing });
    }
    next();
  });
  if ("missing" in build) {
    return router;
  }
  const { dist } = build;
  // Hashed file names: cached for good. The page itself is never cached, so a new build is picked up at once.
  router.use(
    "/console/assets",
    express.static(join(dist, "assets"), { index: false, immutable: true, maxAge: "1y", fallthrough: false }),
  );
  router.get(["/console", "/console/"], (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.sendFile(join(dist, "index.html"));
  });
  return router;
}
