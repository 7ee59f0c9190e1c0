// Real keyward-server replicas on one PostgreSQL database, for the replica demo, the scale benchmark and the replica
// tests: each one is a child server (the one spawner) pointed at the database, plus the calls they share.
import { type ChildServer, startChildServer } from "./child-server.js";

export interface ReplicaOptions {
  name: string;
  /** postgres://… or, without it, the embedded store in `dataFile`. */
  databaseUrl?: string;
  dataFile: string;
  env?: Record<string, string>;
}

export interface Replica extends ChildServer {
  name: string;
}

/** A keyward-server process named `name` (KEYWARD_REPLICA_NAME), with the failed-authentication limiter off. */
export async function startReplica(options: ReplicaOptions): Promise<Replica> {
  const server = await startChildServer({
    dataFile: options.dataFile,
    timeoutMs: 60_000,
    env: {
      KEYWARD_AUTH_FAILURE_LIMIT: "0",
      KEYWARD_REPLICA_NAME: `keyward-${options.name}`,
      ...(options.databaseUrl && { KEYWARD_DATABASE_URL: options.databaseUrl }),
      ...options.env,
    },
  });
  return Object.assign(server, { name: options.name });
}

export interface Reply {
  status: number;
  json: Record<string, unknown>;
}

export async function call(url: string, token: string, method: string, path: string, body?: unknown): Promise<Reply> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { "content-type": "application/json" }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Polls until `check` holds; returns the time it took (ms). */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) {
      return performance.now() - started;
    }
    if (performance.now() - started > timeoutMs) {
      throw new Error(`${what}: not within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

export const verifyOn = (url: string, adminToken: string, token: string) =>
  call(url, adminToken, "POST", "/v1/keys/verify", { token, resource: "events", action: "read" });

/** A role, an integration user holding it and one key; returns the ids and the token. */
export async function integration(url: string, adminToken: string, username: string) {
  const role = await call(url, adminToken, "POST", "/v1/roles", { name: `${username}-role`, preset: "events_read" });
  const user = await call(url, adminToken, "POST", "/v1/users", {
    username,
    name: username,
    kind: "integration",
    role_ids: [role.json.id],
  });
  const key = await call(url, adminToken, "POST", "/v1/api-keys", {
    name: `${username} key`,
    user_id: user.json.id,
    preset: "events_read",
  });
  if (key.status !== 201) {
    throw new Error(`creating ${username} failed: ${JSON.stringify([role.json, user.json, key.json])}`);
  }
  return { userId: String(user.json.id), keyId: String(key.json.id), token: String(key.json.token) };
}
