// Real keyward-server processes on one PostgreSQL database, for the replica demo and the scale benchmark.
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

// Compiled to scripts/dist/scripts/src/.
const SERVER_BIN = fileURLToPath(new URL("../../../../packages/server/dist/bin/keyward-server.js", import.meta.url));

export interface ServerProcess {
  name: string;
  url: string;
  adminToken: string | null;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  name: string;
  /** postgres://… or, without it, the embedded store in `dataFile`. */
  databaseUrl?: string;
  dataFile: string;
  env?: Record<string, string>;
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, [SERVER_BIN, "--port", "0", "--data", options.dataFile], {
    env: {
      ...process.env,
      KEYWARD_LOG_LEVEL: "warn",
      KEYWARD_AUTH_FAILURE_LIMIT: "0",
      KEYWARD_REPLICA_NAME: `keyward-${options.name}`,
      ...(options.databaseUrl && { KEYWARD_DATABASE_URL: options.databaseUrl }),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let adminToken: string | null = null;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.name} did not start:\n${stderr}`)), 60_000);
    child.once("exit", (code) => reject(new Error(`${options.name} exited (${code}):\n${stderr}`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      adminToken = /Admin token[^:]*: (kwa_\S+)/.exec(line)?.[1] ?? adminToken;
      const listening = /Keyward listening on (\S+)/.exec(line)?.[1];
      if (listening) {
        clearTimeout(timer);
        resolve(listening);
      }
    });
  });
  return {
    name: options.name,
    url,
    adminToken,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
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
    if (await check()) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

export const verifyOn = (url: string, adminToken: string, token: string) =>
  call(url, adminToken, "POST", "/v1/keys/verify", { token, resource: "events", action: "read" });

/** A role, an integration user holding it and one key; returns the ids and the token. */
export async function integration(url: string, adminToken: string, username: string) {
  const role = await call(url, adminToken, "POST", "/v1/roles", { name: `${username}-role`, preset: "events_read" });
  const user = await call(url, adminToken, "POST", "/v1/users", { username, name: username, kind: "integration", role_ids: [role.json.id] });
  const key = await call(url, adminToken, "POST", "/v1/api-keys", { name: `${username} key`, user_id: user.json.id, preset: "events_read" });
  if (key.status !== 201) throw new Error(`creating ${username} failed: ${JSON.stringify([role.json, user.json, key.json])}`);
  return { userId: String(user.json.id), keyId: String(key.json.id), token: String(key.json.token) };
}
