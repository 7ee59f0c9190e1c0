// CORS is closed unless origins are listed (KEYWARD_CORS_ORIGINS): a browser page of another origin gets
// no Access-Control-Allow-Origin and its preflight is refused (403). A listed origin may send
// Authorization, Content-Type and X-Keyward-Client; no cookies are involved, so no credentials mode.
import type { IncomingMessage } from "node:http";
import type { ProblemInit } from "./problem.js";

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

/**
 * What CORS adds to the answer of a request: its headers (name, value, …), and for a preflight the whole answer
 * (204 with those headers, or a refusal).
 */
export type CorsDecision =
  | { headers: readonly string[]; preflight?: undefined }
  | { headers: readonly string[]; preflight: "allowed" }
  | { headers: readonly string[]; preflight: ProblemInit };

const NONE: CorsDecision = Object.freeze({ headers: Object.freeze([]) });

export function cors(origins: readonly string[] = []): (req: IncomingMessage) => CorsDecision {
  const allowed = new Set(origins.map(parseOrigin));
  const vary: readonly string[] = allowed.size > 0 ? ["Vary", "Origin"] : [];
  const other: CorsDecision = allowed.size > 0 ? { headers: vary } : NONE;
  return (req) => {
    const origin = req.headers.origin;
    const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
    if (origin === undefined || !allowed.has(origin)) {
      if (!preflight) {
        return other;
      }
      return {
        headers: vary,
        preflight: {
          code: "cors_origin_not_allowed",
          detail: origin
            ? `Cross-origin requests from ${origin} are not allowed.`
            : "Cross-origin requests are not allowed.",
        },
      };
    }
    if (!preflight) {
      return {
        headers: [...vary, "Access-Control-Allow-Origin", origin, "Access-Control-Expose-Headers", EXPOSED_HEADERS],
      };
    }
    return {
      headers: [
        ...vary,
        "Access-Control-Allow-Origin",
        origin,
        "Access-Control-Allow-Methods",
        METHODS,
        "Access-Control-Allow-Headers",
        ALLOWED_HEADERS,
        "Access-Control-Max-Age",
        "600",
      ],
      preflight: "allowed",
    };
  };
}
