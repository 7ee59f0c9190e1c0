// Raw HTTP against a harness, for requests the typed SDK would refuse to build (wrong types, unknown
// fields, bad JSON, odd methods and headers). Every 5xx is recorded in `h.serverErrors`, like the SDK clients.
import type { Harness } from "@keyward/testkit";

export interface RawRequest {
  method?: string;
  /** Path and query, appended to the server URL as is (no re-encoding). */
  path: string;
  /** An object is sent as JSON; a string is sent verbatim. */
  body?: unknown;
  /** Defaults to application/json when there is a body. */
  contentType?: string;
  /** Sent as `Authorization: Bearer <token>`; `null` sends no Authorization header. */
  token?: string | null;
  headers?: Record<string, string>;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  contentType: string;
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: Record<string, unknown> | undefined;
}

/** Where raw requests go: a harness, or anything with its URL, admin token and 5xx record (a child server). */
export type RawTarget = Pick<Harness, "url" | "adminToken" | "serverErrors">;

export async function raw(h: RawTarget, request: RawRequest): Promise<RawResponse> {
  const headers = new Headers(request.headers);
  const token = request.token === undefined ? h.adminToken : request.token;
  if (token !== null && !headers.has("authorization")) {
    headers.set("authorization", `Bearer ${token}`);
  }
  let body: string | undefined;
  if (request.body !== undefined) {
    body = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
    headers.set("content-type", request.contentType ?? "application/json");
  }
  const url = `${h.url}${request.path}`;
  const response = await fetch(url, { method: request.method ?? "GET", headers, ...(body !== undefined && { body }) });
  const text = await response.text();
  if (response.status >= 500) {
    h.serverErrors.push(`${response.status} ${request.method ?? "GET"} ${request.path}`);
  }
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return {
    status: response.status,
    headers: response.headers,
    contentType: response.headers.get("content-type") ?? "",
    text,
    json,
  };
}

/** Basic `Authorization` header value for a username and password. */
export function basicHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;
}
