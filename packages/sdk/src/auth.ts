// Authorization and client identification, as openapi-fetch middleware.
import { consoleCsrfHeader } from "@keyward/contract";
import type { Middleware } from "openapi-fetch";
import { SDK_VERSION } from "./version.js";

/** A bearer token (`kw_…` integration key or `kwa_…` admin token). */
export interface BearerAuth {
  token: string;
}

/** HTTP Basic: the business API accepts any username with the key's token as the password. */
export interface BasicAuth {
  basic: { username?: string; password: string };
}

/**
 * The admin console's session (browser, same origin): the HttpOnly cookie travels by itself, and every request
 * carries the session's CSRF token from `POST /v1/session`; no Authorization header.
 */
export interface SessionAuth {
  session: { csrfToken: string };
}

export type KeywardAuth = BearerAuth | BasicAuth | SessionAuth;

/** Base64 of the UTF-8 bytes: `btoa` alone throws on characters above U+00FF. */
function base64Utf8(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}

export function authorizationHeader(auth: BearerAuth | BasicAuth): string {
  if ("token" in auth) {
    return `Bearer ${auth.token}`;
  }
  if ("basic" in auth) {
    const { username = "", password } = auth.basic;
    return `Basic ${base64Utf8(`${username}:${password}`)}`;
  }
  throw new TypeError("createKeywardClient: give `token`, `basic` or `session`");
}

// Browsers forbid setting User-Agent from scripts, so the SDK names itself in its own header.
export const CLIENT_HEADER = "X-Keyward-Client";

export function authMiddleware(auth: KeywardAuth): Middleware {
  const authorization = "session" in auth ? undefined : authorizationHeader(auth);
  return {
    onRequest({ request }) {
      if ("session" in auth) {
        request.headers.set(consoleCsrfHeader, auth.session.csrfToken);
      } else if (!request.headers.has("Authorization") && authorization) {
        // A per-call `headers: { Authorization }` wins, as per-call headers do in openapi-fetch.
        request.headers.set("Authorization", authorization);
      }
      request.headers.set(CLIENT_HEADER, `keyward-sdk/${SDK_VERSION}`);
      return request;
    },
  };
}
