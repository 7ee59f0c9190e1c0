// Response headers that keep browsers and caches from misusing what Keyward sends (what helmet would set,
// narrowed to an API): no MIME sniffing, no referrer, no framing, a Content-Security-Policy that allows
// nothing for API responses and only same-origin assets for the Swagger UI page, and no caching of
// anything under /v1 (management answers and the responses that carry a token once must never be stored).
import type { RequestHandler } from "express";

const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** Swagger UI (served from this origin, no CDN) needs its own scripts, inline styles and data: images. */
const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function securityHeaders(): RequestHandler {
  return (req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    res.setHeader(
      "Content-Security-Policy",
      req.path === "/docs" || req.path.startsWith("/docs/") ? DOCS_CSP : API_CSP,
    );
    if (req.path.startsWith("/v1/")) {
      res.setHeader("Cache-Control", "no-store");
    }
    next();
  };
}
