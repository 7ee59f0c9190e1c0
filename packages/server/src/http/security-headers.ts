// Response headers that keep browsers and caches from misusing what Keyward sends (what helmet would set,
// narrowed to an API): no MIME sniffing, no referrer, no framing, a Content-Security-Policy that allows
// nothing for API responses and only same-origin assets for the Swagger UI page, and no caching of
// anything under /v1 (management answers and the responses that carry a token once must never be stored).
// Built once, as name, value lists (respond.ts), so a request only picks one.

const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** Swagger UI (served from this origin, no CDN) needs its own scripts, inline styles and data: images. */
const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const COMMON = [
  "X-Content-Type-Options",
  "nosniff",
  "Referrer-Policy",
  "no-referrer",
  "X-Frame-Options",
  "DENY",
  "Cross-Origin-Resource-Policy",
  "same-origin",
];
const API = Object.freeze([...COMMON, "Content-Security-Policy", API_CSP, "Cache-Control", "no-store"]);
const OTHER = Object.freeze([...COMMON, "Content-Security-Policy", API_CSP]);
const DOCS = Object.freeze([...COMMON, "Content-Security-Policy", DOCS_CSP]);

/** The security headers of a response to `path` (name, value, …). */
export function securityHeaders(path: string): readonly string[] {
  if (path.startsWith("/v1/")) {
    return API;
  }
  return path === "/docs" || path.startsWith("/docs/") ? DOCS : OTHER;
}
