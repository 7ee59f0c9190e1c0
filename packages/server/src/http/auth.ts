// Authentication runs before body parsing and validation, so a caller without a valid token learns
// nothing about the API beyond 401. Which tokens an operation accepts comes from its `security`.
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { Principal } from "../domain/access.js";
import { operationPermission } from "../domain/catalog.js";
import type { Keyward } from "../domain/keyward.js";
import type { AuthFailureLimiter } from "./auth-failure-limit.js";
import { type Contract, matchOperation, type OperationRoute } from "./contract.js";
import { sendProblem } from "./problem.js";

declare global {
  namespace Express {
    interface Request {
      principal?: Principal;
      operation?: OperationRoute;
    }
  }
}

const CHALLENGE = 'Bearer realm="keyward", Basic realm="keyward"';

/**
 * The token from `Authorization: Bearer <t>` or HTTP Basic with the token as password. Anything after the
 * credentials (`Bearer <t> <junk>`) is kept with them, so that the shape check refuses it as malformed.
 */
export function tokenFromHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^(\S+)\s+([\s\S]+)$/.exec(header.trim());
  if (!match) return undefined;
  const [, scheme = "", value = ""] = match;
  if (/^bearer$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return value;
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon >= 0 ? decoded.slice(colon + 1) || undefined : undefined;
  }
  return undefined;
}

export interface AuthenticateOptions {
  /** `false` (benchmarks only) skips authentication on the business API. */
  enforcement?: boolean;
  /** Failed authentication per client address; when it is exceeded, 429 before the token is looked at. */
  limiter?: AuthFailureLimiter;
}

export function authenticate(contract: Contract, keyward: Keyward, options: AuthenticateOptions = {}): RequestHandler {
  const { enforcement = true, limiter } = options;
  return async (req: Request, res: Response, next: NextFunction) => {
    const route = req.operation ?? matchOperation(contract, req.method, req.path);
    if (!route) return next();
    req.operation = route;
    if (!route.accepts.admin && !route.accepts.key) return next();
    if (!enforcement && operationPermission(route.operation)) return next();

    // req.ip re-parses the forwarding chain on every read: read it once.
    const ip = req.ip;
    const wait = limiter?.retryAfter(ip) ?? 0;
    if (wait > 0) {
      res.setHeader("Retry-After", String(wait));
      return sendProblem(res, { code: "rate_limited", detail: `Too many failed authentications from this address; retry in ${wait} s.` });
    }
    const request = () => ({ method: req.method, path: req.path, ...(ip !== undefined && { ip }) });
    const result = await keyward.access.authenticate(tokenFromHeader(req.headers.authorization), ip);
    if (!result.ok) {
      limiter?.recordFailure(ip);
      keyward.access.recordRefusal(result.reason, undefined, request());
      res.setHeader("WWW-Authenticate", CHALLENGE);
      return sendProblem(res, { code: result.reason, detail: result.detail, status: 401 });
    }
    const principal = result.principal;
    if (principal.kind === "key" && !route.accepts.key) {
      keyward.access.recordRefusal("admin_required", principal, request());
      return sendProblem(res, { code: "admin_required", detail: "This endpoint needs an admin token (kwa_…); integration keys can't manage Keyward." });
    }
    if (principal.kind === "admin" && !route.accepts.admin) {
      return sendProblem(res, { code: "integration_key_required", detail: "This endpoint is called with an integration key (kw_…), not an admin token." });
    }
    if (principal.kind === "admin" && !principal.user.is_admin) {
      keyward.access.recordRefusal("admin_required", principal, request());
      return sendProblem(res, { code: "admin_required", detail: `${principal.user.username} is no longer an admin.` });
    }
    req.principal = principal;
    next();
  };
}

export function actorOf(req: Pick<Request, "principal">) {
  const principal = req.principal;
  if (!principal) return { type: "anonymous" as const, id: null };
  return principal.kind === "admin" ? { type: "admin" as const, id: principal.user.id } : { type: "key" as const, id: principal.key.id };
}

export function keyPrincipal(req: Pick<Request, "principal">): Extract<Principal, { kind: "key" }> {
  if (req.principal?.kind !== "key") throw new Error("route reached without an integration key");
  return req.principal;
}
