// Authentication and authorization run before body parsing and validation, so a caller without a valid token
// learns nothing beyond 401, and one without the right learns nothing beyond 403 (not the shape of a body or
// whether an id exists). Which tokens an operation accepts comes from its `security`; the management scope it
// needs from `x-keyward-scope`; the business permission from `x-keyward-permission`.
import { type Principal, actorOf as principalActor } from "../domain/access.js";
import { operationPermission, operationScope } from "../domain/catalog.js";
import type { Keyward } from "../domain/keyward.js";
import type { TokenCaller } from "../domain/management-tokens.js";
import { scopeSatisfies } from "../domain/management-tokens.js";
import type { FieldScope } from "../domain/permissions.js";
import type { AuthFailureLimiter } from "./auth-failure-limit.js";
import { authenticateSession, type ConsoleSessions, sessionCookie } from "./console-session.js";
import type { ApiRequest } from "./operations.js";
import type { ProblemInit } from "./problem.js";

const CHALLENGE_HEADER = Object.freeze(["WWW-Authenticate", 'Bearer realm="keyward", Basic realm="keyward"']);

/**
 * The token from `Authorization: Bearer <t>` or HTTP Basic with the token as password. Anything after the
 * credentials (`Bearer <t> <junk>`) is kept with them, so that the shape check refuses it as malformed.
 */
export function tokenFromHeader(header: string | undefined): string | undefined {
  if (!header) {
    return undefined;
  }
  // The usual form, read without the expressions below: the same answer when nothing but one space surrounds the token.
  if (
    header.startsWith("Bearer ") &&
    isVisibleAscii(header.charCodeAt(7)) &&
    isVisibleAscii(header.charCodeAt(header.length - 1))
  ) {
    return header.slice(7);
  }
  const match = /^(\S+)\s+([\s\S]+)$/.exec(header.trim());
  if (!match) {
    return undefined;
  }
  const [, scheme = "", value = ""] = match;
  if (/^bearer$/i.test(scheme)) {
    return value;
  }
  if (/^basic$/i.test(scheme)) {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
      return value;
    }
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon >= 0 ? decoded.slice(colon + 1) || undefined : undefined;
  }
  return undefined;
}

const isVisibleAscii = (code: number) => code > 0x20 && code < 0x7f;

export interface AuthenticateOptions {
  /** `false` (benchmarks only) skips authentication on the business API. */
  enforcement?: boolean;
  /** Failed authentications per client address; past the limit, a failed one answers 429 instead of 401. */
  limiter?: AuthFailureLimiter;
  /** Console sessions: where an admin token is accepted, so is a session cookie (without `Authorization`). */
  sessions?: ConsoleSessions;
}

/** The part of a request authentication reads, and what it leaves on it (`principal`, `consoleSession`). */
export type AuthenticatedRequest = Pick<ApiRequest, "method" | "path" | "headers" | "ip" | "operation"> &
  Pick<ApiRequest, "principal" | "granted" | "consoleSession">;

/**
 * Authenticates and authorizes a request for its operation: leaves `req.principal` (and for a key, the field scope
 * it was granted, `req.granted`) and answers nothing, or answers the refusal (401/402/403/429).
 */
export function authenticate(
  keyward: Keyward,
  options: AuthenticateOptions = {},
): (req: AuthenticatedRequest) => Promise<ProblemInit | undefined> {
  const { enforcement = true, limiter, sessions } = options;
  return async (req) => {
    const route = req.operation;
    if (!route.accepts.admin && !route.accepts.key) {
      return undefined;
    }
    if (!enforcement && operationPermission(route.operation)) {
      return undefined;
    }

    const ip = req.ip;
    const request = () => ({ method: req.method, path: req.path, ...(ip !== undefined && { ip }) });
    // The token (or console session) is checked first, from memory: a valid one is never locked out by other
    // callers' failures.
    const session = sessions && route.accepts.admin && !req.headers.authorization ? sessionCookie(req) : undefined;
    const answer =
      session !== undefined && sessions
        ? authenticateSession(sessions, keyward, session, req)
        : keyward.access.authenticate(tokenFromHeader(req.headers.authorization), ip);
    // A store that reads credentials from memory answers at once: no promise to wait for.
    const result = answer instanceof Promise ? await answer : answer;
    if (!result.ok && result.reason === "csrf_token_invalid") {
      keyward.access.recordRefusal(result.reason, undefined, request());
      return { code: result.reason, detail: result.detail };
    }
    if (!result.ok) {
      // Only a well-formed token that matched nothing is a guess; a missing or malformed one can never be right.
      const guess = result.reason !== "missing_token" && result.reason !== "malformed_token";
      const wait = guess ? (limiter?.retryAfter(ip) ?? 0) : 0;
      if (wait > 0) {
        return {
          code: "rate_limited",
          detail: `Too many failed authentications from this address; retry in ${wait} s.`,
          headers: ["Retry-After", String(wait)],
        };
      }
      if (guess) {
        limiter?.recordFailure(ip);
      }
      keyward.access.recordRefusal(result.reason, undefined, request());
      return { code: result.reason, detail: result.detail, status: 401, headers: CHALLENGE_HEADER };
    }
    const principal = result.principal;
    if (principal.kind === "key" && !route.accepts.key) {
      keyward.access.recordRefusal("admin_required", principal, request());
      return {
        code: "admin_required",
        detail: "This endpoint needs an admin token (kwa_…); integration keys can't manage Keyward.",
      };
    }
    if (principal.kind === "admin" && !route.accepts.admin) {
      return {
        code: "integration_key_required",
        detail: "This endpoint is called with an integration key (kw_…), not an admin token.",
      };
    }
    if (principal.kind === "admin" && !principal.user.is_admin) {
      keyward.access.recordRefusal("admin_required", principal, request());
      return { code: "admin_required", detail: `${principal.user.username} is no longer an admin.` };
    }
    const scope = operationScope(route.operation);
    if (principal.kind === "admin" && scope && !scopeSatisfies(principal.token.scopes, scope)) {
      keyward.access.recordRefusal("scope_missing", principal, request());
      return {
        code: "scope_missing",
        detail: `${route.operationId} needs the scope ${scope}; management token ${principal.token.name} (${principal.token.prefix}…) lacks it.`,
        extra: { missing_scope: scope },
      };
    }
    const permission = operationPermission(route.operation);
    if (principal.kind === "key" && permission) {
      // The permission alone here; which fields a write may set is checked within its scope once the body is parsed.
      const decision = keyward.access.authorize(principal, permission.resource, permission.action);
      if (!decision.ok) {
        keyward.access.recordRefusal(decision.reason, principal, request());
        return {
          code: decision.reason,
          detail: decision.detail,
          extra: { ...(decision.missing && { missing_permission: decision.missing }) },
        };
      }
      req.granted = decision.scope;
    }
    req.principal = principal;
    return undefined;
  };
}

export function actorOf(req: Pick<ApiRequest, "principal">) {
  return req.principal ? principalActor(req.principal) : { type: "anonymous" as const, id: null };
}

export function tokenCaller(req: Pick<ApiRequest, "principal">): TokenCaller {
  const principal = req.principal;
  if (principal?.kind !== "admin") {
    throw new Error("route reached without a management token");
  }
  return {
    actor: principalActor(principal),
    userId: principal.user.id,
    tokenId: principal.token.id,
    scopes: principal.token.scopes,
  };
}

/** The field scope authentication granted the request's key for the operation's permission. */
export function grantedScope(req: Pick<ApiRequest, "granted">): FieldScope {
  if (req.granted === undefined) {
    throw new Error("route reached without a granted permission");
  }
  return req.granted;
}

export function keyPrincipal(req: Pick<ApiRequest, "principal">): Extract<Principal, { kind: "key" }> {
  if (req.principal?.kind !== "key") {
    throw new Error("route reached without an integration key");
  }
  return req.principal;
}
