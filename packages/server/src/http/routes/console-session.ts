// The admin console's sign-in (docs/decisions/0006-console-sessions.md): `createConsoleSession` exchanges the
// bearer admin token for the session cookie; `getConsoleSession` and `deleteConsoleSession` work on the cookie's session.
import { consoleSessionCookie } from "@keyward/contract";
import type { Request } from "express";
import { KeywardError } from "../../domain/errors.js";
import type { Keyward } from "../../domain/keyward.js";
import { type ConsoleSession, type ConsoleSessions, SESSION_TTL_MS } from "../console-session.js";
import type { OperationHandlers } from "../operations.js";

function cookie(req: Request, value: string, maxAgeSeconds: number): string {
  return `${consoleSessionCookie}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${req.secure ? "; Secure" : ""}`;
}

export function consoleSessionHandlers(sessions: ConsoleSessions, keyward: Keyward) {
  const body = async (session: ConsoleSession) => {
    const result = await keyward.access.authenticateAdminHash(session.adminTokenHash);
    if (!result.ok) throw new Error("session of an admin token that no longer authenticates");
    const { user } = result.principal;
    return { user: { id: user.id, username: user.username }, csrf_token: session.csrfToken, expires_at: new Date(session.expiresAt).toISOString() };
  };
  /** The session the request was authenticated with; a bearer token has none. */
  const current = (req: Request) => {
    const id = req.consoleSession;
    const session = id === undefined ? undefined : sessions.find(id);
    if (id === undefined || !session) throw new KeywardError("not_found", "This request carries no console session (it was authenticated with a token).");
    return { id, session };
  };

  return {
    createConsoleSession: async (req, res) => {
      const principal = req.principal;
      if (principal?.kind !== "admin" || req.consoleSession !== undefined) {
        throw new KeywardError("admin_required", "Sign in with an admin token (kwa_…) as a bearer token.");
      }
      const { id, session } = sessions.open(principal.token.token_hash);
      res.setHeader("Set-Cookie", cookie(req, id, SESSION_TTL_MS / 1000));
      res.status(201).json(await body(session));
    },
    getConsoleSession: async (req, res) => void res.json(await body(current(req).session)),
    deleteConsoleSession: (req, res) => {
      sessions.end(current(req).id);
      res.setHeader("Set-Cookie", cookie(req, "", 0));
      res.status(204).end();
    },
  } satisfies Partial<OperationHandlers>;
}
