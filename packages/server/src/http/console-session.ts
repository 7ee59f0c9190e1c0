// The admin console's sign-in: a management token (`kwa_…`), sent once as a bearer token to `POST /v1/session`, is
// exchanged for a short-lived session held in this process's memory. The browser gets only an opaque id in an
// HttpOnly, SameSite=Strict cookie and, in the body, the session's CSRF token, which cookie-authenticated writes must
// echo in `X-Keyward-CSRF` (docs/decisions/0006-console-sessions.md). The session keeps the hash of that secret,
// never the token, and re-checks it on every request, so a revoked token or a deactivated admin is signed out at
// once, and the token's scopes apply to everything done through the session.
import { hash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { consoleCsrfHeader, consoleSessionCookie } from "@keyward/contract";
import type { Authentication } from "../domain/access.js";
import type { Keyward } from "../domain/keyward.js";

/** Short-lived: an hour from sign-in, whatever the activity; the console then asks for the token again. */
export const SESSION_TTL_MS = 60 * 60 * 1000;

export interface ConsoleSession {
  /** The SHA-256 of the management token's secret the session was opened with. */
  tokenHash: string;
  csrfToken: string;
  expiresAt: number;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Sessions by the SHA-256 of their cookie value, so the map never holds a usable cookie. */
export class ConsoleSessions {
  readonly #sessions = new Map<string, ConsoleSession>();

  constructor(private readonly now: () => number = Date.now) {}

  open(tokenHash: string): { id: string; session: ConsoleSession } {
    this.#sweep();
    const id = randomBytes(32).toString("base64url");
    const session = {
      tokenHash,
      csrfToken: randomBytes(32).toString("base64url"),
      expiresAt: this.now() + SESSION_TTL_MS,
    };
    this.#sessions.set(hash("sha256", id), session);
    return { id, session };
  }

  find(id: string): ConsoleSession | undefined {
    const key = hash("sha256", id);
    const session = this.#sessions.get(key);
    if (session && session.expiresAt <= this.now()) {
      this.#sessions.delete(key);
      return undefined;
    }
    return session;
  }

  end(id: string): void {
    this.#sessions.delete(hash("sha256", id));
  }

  #sweep(): void {
    const now = this.now();
    for (const [key, session] of this.#sessions) {
      if (session.expiresAt <= now) {
        this.#sessions.delete(key);
      }
    }
  }
}

/** The session cookie's value, if the request carries one. */
export function sessionCookie(req: { headers: IncomingHttpHeaders }): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === consoleSessionCookie && value.length > 0) {
      return value.join("=") || undefined;
    }
  }
  return undefined;
}

export type SessionAuthentication = Authentication | { ok: false; reason: "csrf_token_invalid"; detail: string };

/**
 * Authenticates a request by its session cookie: 401 `invalid_token` for an unknown or expired session, the
 * management token's own refusal when it no longer authenticates (revoked, disabled, expired, rotated out), 403 `csrf_token_invalid` for a write without the
 * session's CSRF token.
 */
export async function authenticateSession(
  sessions: ConsoleSessions,
  keyward: Keyward,
  id: string,
  req: { method: string; headers: IncomingHttpHeaders; consoleSession?: string },
): Promise<SessionAuthentication> {
  const session = sessions.find(id);
  if (!session) {
    return {
      ok: false,
      reason: "invalid_token",
      detail: "The console session is unknown or has expired; sign in again.",
    };
  }
  const result = await keyward.access.authenticateManagementHash(session.tokenHash);
  if (!result.ok) {
    sessions.end(id);
    return result;
  }
  if (!SAFE_METHODS.has(req.method) && !sameSecret(headerValue(req.headers, consoleCsrfHeader), session.csrfToken)) {
    return {
      ok: false,
      reason: "csrf_token_invalid",
      detail: `A change made with the console session needs its CSRF token in ${consoleCsrfHeader}.`,
    };
  }
  req.consoleSession = id;
  return result;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return typeof value === "string" ? value : undefined;
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) {
    return false;
  }
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
