// Contract fuzzing with schemathesis against a live keyward-server (a child process on a temporary data file,
// demo data seeded): every operation of openapi.yaml, in two runs side by side, each against a server of its own
// (the admin run may revoke every key or switch features off, which must not spoil the other):
//   1. as an integration key with full access (preset full_access on its role and on the key): the business API,
//      /v1/me and /v1/permissions;
//   2. as the admin token: management, /v1/keys/verify, /v1/permissions, /v1/health.
// Each operation's `security` picks the credentials ([auth.openapi.<scheme>] in a generated schemathesis.toml), the
// contract's `links` drive the stateful phase (create → get/update/delete/rotate/verify), and ids of objects that
// exist are offered half of the time ([parameters] bound to dictionaries) so that requests reach the use cases,
// not only 404. The bounded pass runs in the e2e tier; `npm run test:fuzz` runs the deep one (cli/fuzz-contract.ts).
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { adminCall, fullAccessIntegration } from "./admin.js";
import { type ChildServer, startChildServer } from "./child-server.js";
import { contractPath } from "./paths.js";
import { schemathesisBin, schemathesisHint, schemathesisInstalled } from "./tools/schemathesis.js";

/** Every schemathesis check runs, with the failed-authentication limit at its default, except EXCLUDED_CHECKS. */
export const DEFAULT_CHECKS = ["all"];

/** Checks that don't fit Keyward's semantics, each with its reason. */
export const EXCLUDED_CHECKS: Record<string, string> = {
  // DELETE on an API key or a management token revokes it: the record stays readable (status `revoked`) for the
  // audit trail, so a GET after it answers 200 by design, not 404.
  use_after_free: "DELETE revokes keys and management tokens; the revoked record stays readable by design",
};

/**
 * Checks that run with a setting of their own, each with its reason. positive_data_acceptance also accepts 422:
 * Keyward refuses schema-valid bodies that name objects that don't exist (unknown_user, unknown_role), expiries
 * already past (expiry_in_past) or preset/field names outside the catalog (invalid_permissions) — state, clock and
 * catalog no schema states. A schema-valid body refused with 400 (the contract allowing what the server doesn't,
 * e.g. permissions together with a preset before the oneOf) still fails it.
 */
export const CHECK_SETTINGS: Record<string, Record<string, unknown>> = {
  positive_data_acceptance: { "expected-statuses": ["2xx", "3xx", "401", "403", "404", "409", "422", "429"] },
};

export type FuzzRunName = "key" | "admin";

export interface FuzzOptions {
  /** Examples per operation (25 = the bounded pass). */
  examples?: number;
  /**
   * Workers per run (the two runs go side by side): schemathesis' coverage phase calls ast.parse, which CPython
   * 3.11 doesn't make thread-safe ("AST constructor recursion depth mismatch" with several workers), so 1.
   */
  workers?: number;
  seed?: number;
  /** Steps per stateful sequence. */
  maxSteps?: number;
  /** Keeps schemathesis' JUnit reports, its output and the servers' stderr. */
  reportDir?: string;
  only?: FuzzRunName;
  checks?: string[];
}

export interface FuzzRun {
  name: FuzzRunName;
  exit: number;
  cases: number | null;
  failures: number;
  errors: number;
  /** Lines the server logged at level error or fatal (an unhandled error is one, even if the answer was fine). */
  serverErrors: string[];
  /** schemathesis' output. */
  output: string;
}

export interface FuzzSummary {
  /** Zero failures, zero errors and no server error in every run. */
  ok: boolean;
  examples: number;
  seconds: number;
  runs: FuzzRun[];
}

interface Credentials {
  adminToken?: string;
  keyToken?: string;
}

interface Fixtures {
  dictionaries: Record<string, string[]>;
  parameters: Record<string, string>;
}

interface OpenApiOperation {
  operationId: string;
  security?: Record<string, string[]>[];
}

/** Operation ids grouped by the credentials their `security` accepts. */
export async function operationsByCredential(): Promise<Record<FuzzRunName, string[]>> {
  const document = parse(await readFile(contractPath, "utf8")) as {
    paths: Record<string, Record<string, OpenApiOperation | undefined>>;
    security?: Record<string, string[]>[];
  };
  const key: string[] = [];
  const admin: string[] = [];
  for (const item of Object.values(document.paths)) {
    for (const method of ["get", "post", "put", "patch", "delete"]) {
      const operation = item[method];
      if (!operation) {
        continue;
      }
      const schemes = (operation.security ?? document.security ?? []).flatMap((requirement) =>
        Object.keys(requirement),
      );
      if (schemes.includes("integrationKey") || schemes.includes("integrationBasic")) {
        key.push(operation.operationId);
      }
      if (schemes.includes("adminToken") || schemes.length === 0) {
        admin.push(operation.operationId);
      }
    }
  }
  return { key, admin };
}

const tomlString = (value: string) => JSON.stringify(value);

/**
 * Objects that exist, so that generated requests reach the use cases and not only 404: schemathesis takes a path
 * or body value from these dictionaries half of the time ([parameters] bindings) and generates the rest.
 */
async function adminFixtures(url: string, adminToken: string): Promise<Fixtures> {
  const call = <T = { id: string }>(method: string, path: string, body?: unknown) =>
    adminCall<T>(url, adminToken, method, path, body);
  const roles = [
    await call("POST", "/v1/roles", { name: "fuzz-all", preset: "full_access" }),
    await call("POST", "/v1/roles", { name: "fuzz-events", preset: "events_read" }),
  ];
  const users: string[] = [];
  const keys: string[] = [];
  for (const [index, role] of [...roles, roles[0] as { id: string }].entries()) {
    const user = await call("POST", "/v1/users", {
      username: `fuzz-owner-${index}`,
      name: `Fuzz owner ${index}`,
      kind: "integration",
      role_ids: [role.id],
    });
    users.push(user.id);
    for (const name of ["a", "b"]) {
      keys.push(
        (await call("POST", "/v1/api-keys", { name: `fuzz ${index}${name}`, user_id: user.id, preset: "events_read" }))
          .id,
      );
    }
  }
  const person = await call("POST", "/v1/users", { username: "fuzz-person", name: "Fuzz person", kind: "person" });
  return {
    dictionaries: {
      user_ids: [...users, person.id],
      key_owner_ids: users,
      role_ids: roles.map((role) => role.id),
      key_ids: keys,
      token_ids: await fuzzTokens(call),
    },
    parameters: {
      "path.user_id": "user_ids",
      "query.user_id": "user_ids",
      "path.role_id": "role_ids",
      "path.key_id": "key_ids",
      "path.token_id": "token_ids",
      "body.user_id": "key_owner_ids",
    },
  };
}

/** Management tokens the run may change or revoke; never the bootstrap token the run itself authenticates with. */
async function fuzzTokens(
  call: <T = { id: string }>(method: string, path: string, body?: unknown) => Promise<T>,
): Promise<string[]> {
  const ids: string[] = [];
  for (const scopes of [["users:read"], ["keys:write", "roles:read"]]) {
    ids.push((await call("POST", "/v1/management-tokens", { name: `fuzz ${scopes[0]}`, scopes })).id);
  }
  return ids;
}

async function keyFixtures(url: string, token: string): Promise<Fixtures> {
  const ids: string[] = [];
  for (const resource of ["events", "sessions", "attendees", "people", "invoices", "documents"]) {
    const response = await fetch(`${url}/v1/${resource}?limit=200`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) {
      throw new Error(`GET /v1/${resource} with the fuzz key → ${response.status}`);
    }
    ids.push(...((await response.json()) as { data: { id: string }[] }).data.map((record) => record.id));
  }
  return { dictionaries: { record_ids: ids }, parameters: { "path.record_id": "record_ids" } };
}

function configFor(credentials: Credentials, fixtures: Fixtures, maxSteps: number): string {
  const lines = ["[phases.stateful]", `max-steps = ${maxSteps}`, ""];
  for (const [check, settings] of Object.entries(CHECK_SETTINGS)) {
    lines.push(
      `[checks.${check}]`,
      ...Object.entries(settings).map(([key, value]) => `${key} = ${JSON.stringify(value)}`),
      "",
    );
  }
  if (credentials.adminToken) {
    lines.push("[auth.openapi.adminToken]", `bearer = ${tomlString(credentials.adminToken)}`, "");
  }
  if (credentials.keyToken) {
    lines.push("[auth.openapi.integrationKey]", `bearer = ${tomlString(credentials.keyToken)}`, "");
    lines.push(
      "[auth.openapi.integrationBasic]",
      `username = "fuzz"`,
      `password = ${tomlString(credentials.keyToken)}`,
      "",
    );
  }
  for (const [name, values] of Object.entries(fixtures.dictionaries)) {
    if (values.length > 0) {
      lines.push(`[dictionaries.${name}]`, `values = ${JSON.stringify(values)}`, "");
    }
  }
  lines.push("[parameters]");
  for (const [parameter, dictionary] of Object.entries(fixtures.parameters)) {
    if ((fixtures.dictionaries[dictionary] ?? []).length > 0) {
      lines.push(`${tomlString(parameter)} = { dictionary = ${tomlString(dictionary)}, probability = 0.5 }`);
    }
  }
  return `${lines.join("\n")}\n`;
}

type RunSettings = Required<Pick<FuzzOptions, "examples" | "workers" | "maxSteps" | "checks">> &
  Pick<FuzzOptions, "seed" | "reportDir">;

/** One `st run` against its own server; resolves with its exit code and the counts from its summary. */
async function runSchemathesis(
  name: FuzzRunName,
  url: string,
  operations: string[],
  credentials: Credentials,
  fixtures: Fixtures,
  settings: RunSettings,
  workDir: string,
): Promise<Omit<FuzzRun, "serverErrors">> {
  const configFile = join(workDir, `schemathesis-${name}.toml`);
  await writeFile(configFile, configFor(credentials, fixtures, settings.maxSteps), { mode: 0o600 });
  const args = [
    "--config-file",
    configFile,
    "run",
    contractPath,
    "--url",
    url,
    "--checks",
    settings.checks.join(","),
    ...(settings.checks.includes("all") ? ["--exclude-checks", Object.keys(EXCLUDED_CHECKS).join(",")] : []),
    "--max-examples",
    String(settings.examples),
    "--phases",
    "examples,coverage,fuzzing,stateful",
    "--workers",
    String(settings.workers),
    "--request-timeout",
    "30",
    "--suppress-health-check",
    "too_slow,filter_too_much,data_too_large",
    ...(settings.seed !== undefined ? ["--seed", String(settings.seed)] : []),
    ...operations.flatMap((id) => ["--include-operation-id", id]),
    "--report",
    "junit",
    "--report-junit-path",
    join(settings.reportDir ?? workDir, `junit-${name}.xml`),
  ];
  const child = spawn(schemathesisBin, args, {
    cwd: workDir,
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  const exit = await new Promise<number>((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
  if (settings.reportDir) {
    await writeFile(join(settings.reportDir, `schemathesis-${name}.log`), output);
  }
  return { name, exit, output, ...countsFrom(output) };
}

/**
 * A server of its own (demo data, an integration key with full access), one schemathesis run against it, the
 * server stopped. Runs that share nothing can go side by side: the admin run may revoke every key.
 */
async function fuzzRun(name: FuzzRunName, operations: string[], settings: RunSettings): Promise<FuzzRun> {
  const workDir = await mkdtemp(join(tmpdir(), `keyward-fuzz-${name}-`));
  // The failed-authentication limit stays at its default: ignored_auth sends missing and malformed credentials on
  // purpose, which can never be right and are not counted; the run's valid token is never locked out.
  const server = await startChildServer({ dataFile: join(workDir, "keyward.json"), args: ["--seed-demo"] });
  try {
    if (!server.adminToken) {
      throw new Error("the server did not print an admin token");
    }
    let credentials: Credentials;
    let fixtures: Fixtures;
    if (name === "admin") {
      credentials = { adminToken: server.adminToken };
      fixtures = await adminFixtures(server.url, server.adminToken);
    } else {
      const keyToken = (await fullAccessIntegration(server.url, server.adminToken, "fuzz-integration")).token;
      credentials = { keyToken };
      fixtures = await keyFixtures(server.url, keyToken);
    }
    const run = await runSchemathesis(name, server.url, operations, credentials, fixtures, settings, workDir);
    return { ...run, serverErrors: loggedErrors(server) };
  } finally {
    await server.stop();
    if (settings.reportDir) {
      await writeFile(join(settings.reportDir, `server-${name}.log`), server.stderr());
    }
    await rm(workDir, { recursive: true, force: true });
  }
}

function loggedErrors(server: ChildServer): string[] {
  return server
    .stderr()
    .split("\n")
    .filter((line) => /"level":(50|60)/.test(line));
}

/** Parses schemathesis' closing summary ("Test cases: 1234 generated, 1234 passed", "N failures", …). */
function countsFrom(output: string): Pick<FuzzRun, "cases" | "failures" | "errors"> {
  const number = (pattern: RegExp) => {
    const match = pattern.exec(output);
    return match ? Number(match[1]) : null;
  };
  const cases = number(/Test cases:\s*\n?\s*(\d+) generated/) ?? number(/(\d+) generated/);
  const failures = number(/(\d+) unique failures?/) ?? number(/Failures:\s*(\d+)/) ?? 0;
  const errors = number(/(\d+) errors?\b/) ?? 0;
  return { cases, failures, errors };
}

/** Both runs (or `only` one); throws with the install hint when schemathesis is missing. */
export async function fuzzContract(options: FuzzOptions = {}): Promise<FuzzSummary> {
  if (!schemathesisInstalled()) {
    throw new Error(schemathesisHint);
  }
  const settings: RunSettings = {
    examples: options.examples ?? 25,
    workers: options.workers ?? 1,
    maxSteps: options.maxSteps ?? 10,
    checks: options.checks ?? DEFAULT_CHECKS,
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(options.reportDir !== undefined && { reportDir: options.reportDir }),
  };
  const started = Date.now();
  const operations = await operationsByCredential();
  const names = (["key", "admin"] as const).filter((name) => !options.only || name === options.only);
  const runs = await Promise.all(names.map((name) => fuzzRun(name, operations[name], settings)));
  const ok = runs.every(
    (run) => run.exit === 0 && run.failures === 0 && run.errors === 0 && run.serverErrors.length === 0,
  );
  return { ok, examples: settings.examples, seconds: Math.round((Date.now() - started) / 1000), runs };
}

/** One line per run: cases, failures, errors, server errors. */
export function fuzzReport(summary: FuzzSummary): string {
  return summary.runs
    .map(
      (run) =>
        `${run.name}: ${run.cases} cases, ${run.failures} failures, ${run.errors} errors, ${run.serverErrors.length} server errors`,
    )
    .join("; ");
}
