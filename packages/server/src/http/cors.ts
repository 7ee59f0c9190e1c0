// CORS is closed unless origins are listed (KEYWARD_CORS_ORIGINS): a browser page of another origin gets
// no Access-Control-Allow-Origin and its preflight is refused (403). A listed origin may send
// Authorization, Content-Type and X-Keyward-Client; no cookies are involved, so no credentials mode.
import type { RequestHandler } from "express";
import { sendProblem } from "./problem.js";

const ALLOWED_HEADERS = "Authorization, Content-Type, X-Keyward-Client";
const EXPOSED_HEADERS = "Retry-After, WWW-Authenticate";
const METHODS = "GET, POST, PATCH, DELETE";

/** Normalises `https://Admin.Example.com:443/` to `https://admin.example.com`; throws on anything but an origin. */
export function parseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`CORS origin "${value}" is not a URL (expected e.g. https://admin.example.com)`);
  }
  if (
    (url.protocol !== "http:" && url.protocol !== "https:") ||
    url.pathname !== "/" ||
    url.search ||
    url.hash ||
    url.username
  ) {
    throw new Error(`CORS origin "${value}" must be scheme://host[:port] only`);
  }
  return url.origin;
}

export function cors(origins: readonly string[] = []): RequestHandler {
  const allowed = new Set(origins.map(parseOrigin));
  return (req, res, next) => {
    const origin = req.headers.origin;
    const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
    if (allowed.size > 0) {
      res.vary("Origin");
    }
    if (origin === undefined || !allowed.has(origin)) {
      if (!preflight) {
        return next();
      }
      return sendProblem(res, {
        code: "cors_origin_not_allowed",
        detail: origin
          ? `Cross-origin requests from ${origin} are not allowed.`
          : "Cross-origin requests are not allowed.",
      });
    }
    res.setHeader("Access-Control-Allow-Origin", origin);
    if (!preflight) {
      res.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
      return next();
    }
    res.setHeader("Access-Control-Allow-Methods", METHODS);
    res.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    res.setHeader("Access-Control-Max-Age", "600");
    res.status(204).end();
  };
}
