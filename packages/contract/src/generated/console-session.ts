// Generated from openapi.yaml by `npm run generate`. Do not edit.

// The admin console's session (securitySchemes.adminSession).

/** The session cookie's name. */
export const consoleSessionCookie = "keyward_session";

/** The header a cookie-authenticated write carries the session's CSRF token in. */
export const consoleCsrfHeader = "X-Keyward-CSRF";
