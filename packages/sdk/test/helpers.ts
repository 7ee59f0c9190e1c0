// An injected fetch that records what the client sends, in place of a mocking library
// (the approach of openapi-fetch's createObservedClient): no shared state between tests.
import { createKeywardClient, type KeywardAuth, type KeywardClientOptions } from "../src/index.js";

export const BASE_URL = "https://keyward.test";

export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/** Answers the n-th request (1-based) with `respond(request, n)`. */
export type Responder = (request: SentRequest, attempt: number) => Response | Promise<Response>;

export function createObservedClient(
  respond: Responder,
  auth: KeywardAuth = { token: "kwa_test" },
  options: KeywardClientOptions = {},
) {
  const sent: SentRequest[] = [];
  const client = createKeywardClient(
    { baseUrl: BASE_URL, ...auth },
    {
      baseDelayMs: 1,
      ...options,
      fetch: async (request) => {
        // Read the body as a server would; a body consumed by an earlier attempt would fail here.
        const seen = { method: request.method, url: request.url, headers: request.headers, body: await request.text() };
        sent.push(seen);
        return respond(seen, sent.length);
      },
    },
  );
  return { client, sent };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

export function problem(status: number, code: string, headers: Record<string, string> = {}): Response {
  const body = { type: `https://keyward.dev/problems/${code}`, title: code, status, detail: `detail of ${code}`, code };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", ...headers },
  });
}

/** An ApiKey as the server would send it. */
export function apiKeyFixture(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    number: 1,
    name: "website production",
    description: "",
    user_id: "usr_7Hq2LmP0aZ4xYb9c",
    created_by: "usr_admin000000000000",
    created_at: "2026-01-01T00:00:00.000Z",
    updated_at: "2026-01-01T00:00:00.000Z",
    expires_at: null,
    active: true,
    status: "active",
    disabled_reason: null,
    prefix: "kw_3fZq9Lx",
    permissions: [{ resource: "events", actions: ["read"] }],
    preset: null,
    allowed_ips: [],
    last_used_at: null,
    revoked_at: null,
    ...overrides,
  };
}
