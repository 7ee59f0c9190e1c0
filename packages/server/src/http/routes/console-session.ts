// The admin console's sign-in (docs/decisions/0006-console-sessions.md): `createConsoleSession` exchanges the
// bearer management token for the session cookie; `getConsoleSession` and `deleteConsoleSession` work on the
// cookie's session.
import { consoleSessionCookie } from "@keyward/contract";
import type { Principal } from "../../domain/access.js";
import { KeywardError } from "../../domain/errors.js";
import { hashToken } from "../../domain/tokens.js";
import { tokenFromHeader } from "../auth.js";
import { type ConsoleSession, type ConsoleSessions, SESSION_TTL_MS } from "../console-session.js";
import { type ApiRequest, noContent, type OperationHandlers, ok } from "../operations.js";

function cookie(req: Pick<ApiRequest, "secure">, value: string, maxAgeSeconds: number): string {
  return `${consoleSessionCookie}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${req.secure ? "; Secure" : ""}`;
}

function sessionBody(principal: Principal | undefined, session: ConsoleSession) {
  if (principal?.kind !== "admin") {
    throw new Error("console session route reached without a management token");
  }
  const { user } = principal;
  return {
    user: { id: user.id, username: user.username },
    csrf_token: session.csrfToken,
    expires_at: new Date(session.expiresAt).toISOString(),
  };
}

export function consoleSessionHandlers(sessions: ConsoleSessions) {
  /** The session the request was authenticated with; a bearer token has none. */
  const current = (req: Pick<ApiRequest, "consoleSession">) => {
    const id = req.consoleSession;
    const session = id === undefined ? undefined : sessions.find(id);
    if (id === undefined || !session) {
      throw new KeywardError(
        "not_found",
        "This request carries no console session (it was authenticated with a token).",
      );
    }
    return { id, session };
  };

  return {
    createConsoleSession: (req) => {
      const token = tokenFromHeader(req.headers.authorization);
      if (req.principal?.kind !== "admin" || req.consoleSession !== undefined || token === undefined) {
        throw new KeywardError("admin_required", "Sign in with a management token (kwa_…) as a bearer token.");
      }
      // The hash of the secret presented, not the token's current one: a rotated-out secret keeps only its grace.
      const { id, session } = sessions.open(hashToken(token));
      return {
        status: 201,
        body: sessionBody(req.principal, session),
        headers: ["Set-Cookie", cookie(req, id, SESSION_TTL_MS / 1000)],
      };
    },
    getConsoleSession: (req) => ok(sessionBody(req.principal, current(req).session)),
    deleteConsoleSession: (req) => {
      sessions.end(current(req).id);
      return { ...noContent, headers: ["Set-Cookie", cookie(req, "", 0)] };
    },
  } satisfies Partial<OperationHandlers>;
}
