// A real Keyward server in-process, for every package's tests: an ephemeral port, a temporary lowdb file, demo
// records, responses validated against the contract, and an adjustable clock; hands out SDK clients that record
// every 5xx they see.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createKeywardClient, type KeywardClient, unwrap } from "@keyward/sdk";
import type { components } from "@keyward/sdk/schema";
import { type RunningServer, type ServerOptions, startServer } from "@keyward/server";
import { pino } from "pino";
import { testDatabaseFor, testStoreKind } from "./test-store.js";

type Schemas = components["schemas"];
type AuthFailureLimitOptions = NonNullable<ServerOptions["authFailureLimit"]>;
export type PermissionGrant = Schemas["PermissionGrant"];

export interface Harness {
  server: RunningServer;
  url: string;
  dataFile: string;
  auditFile: string;
  adminToken: string;
  admin: KeywardClient;
  /** Every response with status ≥ 500 seen by any client of this harness. */
  serverErrors: string[];
  clientFor(token: string): KeywardClient;
  basicClientFor(token: string, username?: string): KeywardClient;
  /** Moves the server's clock forward. */
  advance(ms: number): void;
  now(): Date;
  restart(): Promise<void>;
  /**
   * SHA-256 of the data file after pending writes are flushed, without the usage timestamps (a refused
   * but authenticated call still counts as a use): "did this request change anything?"
   */
  dataFingerprint(): Promise<string>;
  integration(spec: IntegrationSpec): Promise<Integration>;
  close(): Promise<void>;
}

export interface IntegrationSpec {
  username: string;
  rolePermissions?: PermissionGrant[];
  rolePreset?: string;
  keyPermissions?: PermissionGrant[];
  keyPreset?: string;
  expiresAt?: string | null;
  allowedIps?: string[];
}

export interface Integration {
  userId: string;
  roleId: string;
  keyId: string;
  token: string;
  client: KeywardClient;
}

const ADMIN_TOKEN_HEADER = "kwa_";

export interface HarnessOptions {
  seedDemo?: boolean;
  start?: Date;
  /**
   * Suites make many failing requests from 127.0.0.1, so the failed-authentication limit is generous here
   * (10 000 a minute) unless a test sets its own.
   */
  authFailureLimit?: AuthFailureLimitOptions;
  corsOrigins?: ServerOptions["corsOrigins"];
  /** Validate every response against the contract (default); benchmarks turn it off to measure a production server. */
  validateResponses?: boolean;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), "keyward-test-"));
  const dataFile = join(dir, "keyward.json");
  let offset = 0;
  const base = options.start?.getTime() ?? Date.now();
  const startedAt = Date.now();
  const clock = () => new Date(base + (Date.now() - startedAt) + offset);
  const serverErrors: string[] = [];
  const logger = pino({ level: "silent" });
  const database = testStoreKind === "postgres" ? await testDatabaseFor(dataFile) : undefined;

  const boot = () =>
    startServer({
      dataFile,
      ...(database && { databaseUrl: database.url, pollMs: 50 }),
      clock,
      logger,
      validateResponses: options.validateResponses ?? true,
      seedDemo: options.seedDemo ?? true,
      usageFlushMs: 50,
      authFailureLimit: options.authFailureLimit ?? { max: 10_000, windowMs: 60_000 },
      ...(options.corsOrigins && { corsOrigins: options.corsOrigins }),
    });
  let server = await boot();
  const adminToken = server.issuedAdminToken;
  if (!adminToken?.startsWith(ADMIN_TOKEN_HEADER)) {
    throw new Error("first start did not issue an admin token");
  }

  const observe = (request: Request | string | URL, init?: RequestInit) =>
    fetch(request, init).then((response) => {
      if (response.status >= 500) {
        serverErrors.push(
          `${response.status} ${typeof request === "object" && "url" in request ? request.url : String(request)}`,
        );
      }
      return response;
    });
  const clientFor = (token: string) =>
    createKeywardClient({ baseUrl: harness.url, token }, { fetch: observe, maxRetries: 0 });
  const basicClientFor = (token: string, username = "integration") =>
    createKeywardClient(
      { baseUrl: harness.url, basic: { username, password: token } },
      { fetch: observe, maxRetries: 0 },
    );

  const harness: Harness = {
    server,
    url: server.url,
    dataFile,
    auditFile: join(dir, "keyward.audit.jsonl"),
    adminToken,
    admin: undefined as unknown as KeywardClient,
    serverErrors,
    clientFor,
    basicClientFor,
    advance: (ms) => {
      offset += ms;
    },
    now: clock,
    async restart() {
      await server.close();
      server = await boot();
      harness.server = server;
      harness.url = server.url;
      harness.admin = clientFor(adminToken);
    },
    async dataFingerprint() {
      await server.store.flush();
      if (database) {
        return database.fingerprint();
      }
      const { key_last_used: _usage, ...document } = JSON.parse(await readFile(dataFile, "utf8")) as Record<
        string,
        unknown
      >;
      return createHash("sha256").update(JSON.stringify(document)).digest("hex");
    },
    async integration(spec) {
      const role = unwrap(
        await harness.admin.POST("/v1/roles", {
          body: {
            name: `${spec.username}-role`,
            ...(spec.rolePreset
              ? { preset: spec.rolePreset }
              : { permissions: spec.rolePermissions ?? spec.keyPermissions ?? [] }),
          },
        }),
      );
      const user = unwrap(
        await harness.admin.POST("/v1/users", {
          body: {
            username: spec.username,
            name: `${spec.username} integration`,
            kind: "integration",
            role_ids: [role.id],
          },
        }),
      );
      const key = unwrap(
        await harness.admin.POST("/v1/api-keys", {
          body: {
            name: `${spec.username} key`,
            user_id: user.id,
            ...(spec.keyPreset
              ? { preset: spec.keyPreset }
              : { permissions: spec.keyPermissions ?? spec.rolePermissions ?? [] }),
            ...(spec.expiresAt !== undefined && { expires_at: spec.expiresAt }),
            ...(spec.allowedIps && { allowed_ips: spec.allowedIps }),
          },
        }),
      );
      const { token } = withIssuedToken(key);
      return { userId: user.id, roleId: role.id, keyId: key.id, token, client: clientFor(token) };
    },
    async close() {
      await server.close();
      await database?.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  harness.admin = clientFor(adminToken);
  return harness;
}

/**
 * A create or rotate response whose token Keyward made: its `token` is then a string (it is absent only when the
 * request supplied the token).
 */
export function withIssuedToken<T extends { id: string; token?: string }>(key: T): T & { token: string } {
  if (key.token === undefined) {
    throw new Error(`the response for key ${key.id} carries no token: did the request supply one?`);
  }
  return { ...key, token: key.token };
}

/** ISO timestamp `days` from the harness clock. */
export function daysFrom(harness: Harness, days: number): string {
  return new Date(harness.now().getTime() + days * 86_400_000).toISOString();
}
