// The console's only way to the server: @keyward/sdk in the browser. A pasted admin token is used for one
// request (POST /v1/session) and dropped; afterwards the HttpOnly cookie authenticates and the SDK sends the
// session's CSRF token. Nothing is kept in localStorage or sessionStorage.
import { createKeywardClient, type KeywardClient } from "@keyward/sdk";
import type { components } from "@keyward/sdk/schema";

export type Schemas = components["schemas"];
export type Problem = Schemas["Problem"];
export type ConsoleSession = Schemas["ConsoleSession"];

const baseUrl = window.location.origin;

export interface Session {
  client: KeywardClient;
  info: ConsoleSession;
}

const sessionClient = (csrfToken: string) =>
  createKeywardClient({ baseUrl, session: { csrfToken } }, { maxRetries: 0 });

/** The session of the cookie, if the browser still has a live one (after a reload). */
export async function resumeSession(): Promise<Session | undefined> {
  const { data } = await sessionClient("").GET("/v1/session");
  return data ? { client: sessionClient(data.csrf_token), info: data } : undefined;
}

export async function signIn(token: string): Promise<{ session: Session } | { problem: Problem }> {
  const { data, error } = await createKeywardClient({ baseUrl, token }, { maxRetries: 0 }).POST("/v1/session");
  if (error) {
    return { problem: error };
  }
  return { session: { client: sessionClient(data.csrf_token), info: data } };
}

export async function signOut(session: Session): Promise<void> {
  await session.client.DELETE("/v1/session");
}

/** A problem for a request that never got an answer (network down). */
export function networkProblem(error: unknown): Problem {
  return {
    type: "about:blank",
    title: "Network error",
    status: 0,
    code: "internal_error",
    detail: `The server could not be reached (${error instanceof Error ? error.message : String(error)}).`,
  };
}
