#!/usr/bin/env node
// Contract fuzzing with schemathesis against a live keyward-server (a child process on a temporary data
// file, demo data seeded): every operation of openapi.yaml, in two runs side by side, each against a server
// of its own (the admin run may revoke every key or switch features off, which must not spoil the other):
//   1. as an integration key with full access (preset full_access on its role and on the key): the
//      business API, /v1/me and /v1/permissions;
//   2. as the admin token: management, /v1/keys/verify, /v1/permissions, /v1/health.
// Each operation's `security` picks the credentials ([auth.openapi.<scheme>] in a generated schemathesis.toml),
// the contract's `links` drive the stateful phase (create → get/update/delete/rotate/verify), and ids of
// objects that exist are offered half of the time ([parameters] bound to dictionaries) so that requests
// reach the use cases, not only 404.
//
//   node scripts/fuzz-contract.mjs                 bounded pass (25 examples per operation), as `npm test` runs it
//   node scripts/fuzz-contract.mjs --examples 200  deep pass (`npm run test:fuzz`)
//   node scripts/fuzz-contract.mjs --install       create ~/.cache/keyward/venv and install the pinned schemathesis
//
// Options: --examples N (KEYWARD_FUZZ_EXAMPLES, 25), --workers N (1), --seed N, --max-steps N (stateful, 10),
// --report-dir DIR (keeps schemathesis' JUnit reports, its output and the servers' stderr), --only key|admin,
// --checks a,b (instead of every check, for exploring).
// Every schemathesis check runs (`--checks all`), with the failed-authentication limiter at its default, except
// the ones named in EXCLUDED_CHECKS, each with the reason it doesn't fit Keyward's semantics.
// Exit code: 0 when both runs have zero failures and zero errors; 1 on any failure; 2 when schemathesis is
// missing. The last line is `FUZZ SUMMARY {json}` for the test that runs this script.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse } from "yaml";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const SCHEMATHESIS_VERSION = "4.32.5";
export const VENV = process.env.KEYWARD_SCHEMATHESIS_VENV ?? join(homedir(), ".cache", "keyward", "venv");
export const ST = join(VENV, "bin", "st");
export const INSTALL_HINT =
  `schemathesis ${SCHEMATHESIS_VERSION} is not installed in ${VENV}. Install it with \`node scripts/fuzz-contract.mjs --install\` ` +
  `(= python3 -m venv ${VENV} && ${VENV}/bin/pip install schemathesis==${SCHEMATHESIS_VERSION}); .ci/run does it.`;
const SERVER_BIN = join(ROOT, "packages", "server", "dist", "bin", "keyward-server.js");
const CONTRACT = join(ROOT, "openapi.yaml");
export const EXCLUDED_CHECKS = {
  // DELETE on an API key or a management token revokes it: the record stays readable (status `revoked`) for the
  // audit trail (SPEC §1.3), so a GET after it answers 200 by design, not 404.
  use_after_free: "DELETE revokes keys and management tokens; the revoked record stays readable by design",
};

/**
 * Checks that run with a setting of their own, each with its reason. positive_data_acceptance also accepts 422:
 * Keyward refuses schema-valid bodies that name objects that don't exist (unknown_user, unknown_role), expiries
 * already past (expiry_in_past) or preset/field names outside the catalog (invalid_permissions) — state, clock and
 * catalog no schema can state. A schema-valid body refused with 400 (what the contract says but the server doesn't
 * accept, e.g. permissions together with a preset before the oneOf) still fails it.
 */
export const CHECK_SETTINGS = {
  positive_data_acceptance: { "expected-statuses": ["2xx", "3xx", "401", "403", "404", "409", "422", "429"] },
};

/** True when the pinned schemathesis is in the venv (checked without starting Python). */
export function schemathesisInstalled() {
  if (!existsSync(ST)) return false;
  const lib = join(VENV, "lib");
  if (!existsSync(lib)) return false;
  return readdirSync(lib).some((python) => existsSync(join(lib, python, "site-packages", `schemathesis-${SCHEMATHESIS_VERSION}.dist-info`)));
}

/** Idempotent: nothing to do (and fast) when the pinned version is already there. */
export function installSchemathesis() {
  if (schemathesisInstalled()) {
    console.log(`schemathesis ${SCHEMATHESIS_VERSION}: cached in ${VENV}`);
    return;
  }
  const run = (command, args) => {
    console.log(`$ ${command} ${args.join(" ")}`);
    const result = spawnSync(command, args, { stdio: "inherit" });
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status})`);
  };
  if (!existsSync(join(VENV, "bin", "pip"))) run("python3", ["-m", "venv", VENV]);
  run(join(VENV, "bin", "pip"), ["install", "--quiet", "--disable-pip-version-check", `schemathesis==${SCHEMATHESIS_VERSION}`]);
  if (!schemathesisInstalled()) throw new Error(`schemathesis ${SCHEMATHESIS_VERSION} still missing from ${VENV} after pip install`);
}

// ── the server, as a child process ───────────────────────────────────────────────────────────────────

/**
 * Starts `keyward-server` (the built bin) on a free port. Resolves once it prints its URL, with the admin
 * token it printed. `stderr` collects the server's logs.
 */
export async function startServerProcess({ dataFile, args = [], env = {}, timeoutMs = 30_000 }) {
  const child = spawn(process.execPath, [SERVER_BIN, "--port", "0", "--data", dataFile, ...args], {
    env: { ...process.env, KEYWARD_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stderr = [];
  child.stderr.on("data", (chunk) => stderr.push(chunk));
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let adminToken = null;
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`keyward-server did not start within ${timeoutMs} ms:\n${Buffer.concat(stderr)}`)), timeoutMs);
    createInterface({ input: child.stdout }).on("line", (line) => {
      const token = /Admin token[^:]*: (kwa_\S+)/.exec(line);
      if (token) adminToken = token[1];
      const listening = /Keyward listening on (\S+)/.exec(line);
      if (listening) {
        clearTimeout(timer);
        resolve(listening[1]);
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`keyward-server exited before listening (code ${code}, signal ${signal}):\n${Buffer.concat(stderr)}`));
    });
  });
  return {
    url,
    adminToken,
    pid: child.pid,
    child,
    exited,
    stderr: () => Buffer.concat(stderr).toString("utf8"),
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A management call with the admin token; throws on anything but 2xx. */
export async function adminCall(url, adminToken, method, path, body) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, ...(body !== undefined && { "content-type": "application/json" }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** A dedicated integration user whose role and key both have every permission. */
export async function fullAccessIntegration(url, adminToken, name) {
  const role = await adminCall(url, adminToken, "POST", "/v1/roles", { name: `${name}-role`, preset: "full_access" });
  const user = await adminCall(url, adminToken, "POST", "/v1/users", { username: name, name: `${name} integration`, kind: "integration", role_ids: [role.id] });
  const key = await adminCall(url, adminToken, "POST", "/v1/api-keys", { name: `${name} key`, user_id: user.id, preset: "full_access" });
  return { roleId: role.id, userId: user.id, keyId: key.id, token: key.token };
}

// ── schemathesis ───────────────────────────────────────────────────────────────────────────────────────

/** Operation ids grouped by the credentials their `security` accepts. */
export async function operationsByCredential() {
  const document = parse(await readFile(CONTRACT, "utf8"));
  const key = [];
  const admin = [];
  for (const item of Object.values(document.paths)) {
    for (const method of ["get", "post", "put", "patch", "delete"]) {
      const operation = item[method];
      if (!operation) continue;
      const schemes = (operation.security ?? document.security ?? []).flatMap((requirement) => Object.keys(requirement));
      if (schemes.includes("integrationKey") || schemes.includes("integrationBasic")) key.push(operation.operationId);
      if (schemes.includes("adminToken") || schemes.length === 0) admin.push(operation.operationId);
    }
  }
  return { key, admin };
}

const tomlString = (value) => JSON.stringify(value);

/**
 * Objects that exist, so that generated requests reach the use cases and not only 404: schemathesis takes a
 * path or body value from these dictionaries half of the time ([parameters] bindings) and generates the rest.
 */
async function adminFixtures(url, adminToken) {
  const call = (method, path, body) => adminCall(url, adminToken, method, path, body);
  const roles = [await call("POST", "/v1/roles", { name: "fuzz-all", preset: "full_access" }), await call("POST", "/v1/roles", { name: "fuzz-events", preset: "events_read" })];
  const users = [];
  const keys = [];
  for (const [index, role] of [...roles, roles[0]].entries()) {
    const user = await call("POST", "/v1/users", { username: `fuzz-owner-${index}`, name: `Fuzz owner ${index}`, kind: "integration", role_ids: [role.id] });
    users.push(user.id);
    for (const name of ["a", "b"]) keys.push((await call("POST", "/v1/api-keys", { name: `fuzz ${index}${name}`, user_id: user.id, preset: "events_read" })).id);
  }
  const person = await call("POST", "/v1/users", { username: "fuzz-person", name: "Fuzz person", kind: "person" });
  // Tokens the run may change or revoke; never the bootstrap token the run itself authenticates with.
  const tokens = [];
  for (const scopes of [["users:read"], ["keys:write", "roles:read"]]) tokens.push((await call("POST", "/v1/management-tokens", { name: `fuzz ${scopes[0]}`, scopes })).id);
  return {
    dictionaries: { user_ids: [...users, person.id], key_owner_ids: users, role_ids: roles.map((role) => role.id), key_ids: keys, token_ids: tokens },
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

async function keyFixtures(url, token) {
  const ids = [];
  for (const resource of ["events", "sessions", "attendees", "people", "invoices", "documents"]) {
    const response = await fetch(`${url}/v1/${resource}?limit=200`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET /v1/${resource} with the fuzz key → ${response.status}`);
    ids.push(...(await response.json()).data.map((record) => record.id));
  }
  return { dictionaries: { record_ids: ids }, parameters: { "path.record_id": "record_ids" } };
}

function configFor(credentials, fixtures, { maxSteps }) {
  const lines = ["[phases.stateful]", `max-steps = ${maxSteps}`, ""];
  for (const [check, settings] of Object.entries(CHECK_SETTINGS)) {
    lines.push(`[checks.${check}]`, ...Object.entries(settings).map(([key, value]) => `${key} = ${JSON.stringify(value)}`), "");
  }
  if (credentials.adminToken) lines.push("[auth.openapi.adminToken]", `bearer = ${tomlString(credentials.adminToken)}`, "");
  if (credentials.keyToken) {
    lines.push("[auth.openapi.integrationKey]", `bearer = ${tomlString(credentials.keyToken)}`, "");
    lines.push("[auth.openapi.integrationBasic]", `username = "fuzz"`, `password = ${tomlString(credentials.keyToken)}`, "");
  }
  for (const [name, values] of Object.entries(fixtures.dictionaries)) {
    if (values.length > 0) lines.push(`[dictionaries.${name}]`, `values = ${JSON.stringify(values)}`, "");
  }
  lines.push("[parameters]");
  for (const [parameter, dictionary] of Object.entries(fixtures.parameters)) {
    if (fixtures.dictionaries[dictionary].length > 0) lines.push(`${tomlString(parameter)} = { dictionary = ${tomlString(dictionary)}, probability = 0.5 }`);
  }
  return `${lines.join("\n")}\n`;
}

/** One `st run` against its own server; resolves with its exit code and the counts from its summary. */
async function runSchemathesis({ name, url, operations, credentials, fixtures, checks, examples, workers, seed, maxSteps, workDir, reportDir }) {
  const configFile = join(workDir, `schemathesis-${name}.toml`);
  await writeFile(configFile, configFor(credentials, fixtures, { maxSteps }), { mode: 0o600 });
  const args = [
    "--config-file", configFile,
    "run", CONTRACT,
    "--url", url,
    "--checks", checks.join(","),
    ...(checks.includes("all") ? ["--exclude-checks", Object.keys(EXCLUDED_CHECKS).join(",")] : []),
    "--max-examples", String(examples),
    "--phases", "examples,coverage,fuzzing,stateful",
    "--workers", String(workers),
    "--request-timeout", "30",
    "--suppress-health-check", "too_slow,filter_too_much,data_too_large",
    ...(seed !== undefined ? ["--seed", String(seed)] : []),
    ...operations.flatMap((id) => ["--include-operation-id", id]),
    "--report", "junit",
    "--report-junit-path", join(reportDir ?? workDir, `junit-${name}.xml`),
  ];
  const child = spawn(ST, args, { cwd: workDir, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.once("exit", (exitCode) => resolve(exitCode ?? 1)));
  if (reportDir) await writeFile(join(reportDir, `schemathesis-${name}.log`), output);
  return { name, exit: code, output, ...countsFrom(output) };
}

/**
 * A server of its own (demo data, an integration key with full access), one schemathesis run against it,
 * the server stopped. Runs that share nothing can go side by side: the admin run may revoke every key.
 */
async function fuzzRun({ name, credential, operations, options }) {
  const workDir = await mkdtemp(join(tmpdir(), `keyward-fuzz-${name}-`));
  // The failed-authentication limit stays at its default: ignored_auth sends bad credentials on purpose, and
  // past the limit only those get 429 — the valid token of the run keeps working.
  const server = await startServerProcess({ dataFile: join(workDir, "keyward.json"), args: ["--seed-demo"] });
  try {
    if (!server.adminToken) throw new Error("the server did not print an admin token");
    let credentials;
    let fixtures;
    if (credential === "admin") {
      credentials = { adminToken: server.adminToken };
      fixtures = await adminFixtures(server.url, server.adminToken);
    } else {
      credentials = { keyToken: (await fullAccessIntegration(server.url, server.adminToken, "fuzz-integration")).token };
      fixtures = await keyFixtures(server.url, credentials.keyToken);
    }
    const run = await runSchemathesis({ ...options, name, url: server.url, operations, credentials, fixtures, workDir });
    return { ...run, serverErrors: loggedErrors(server) };
  } finally {
    await server.stop();
    if (options.reportDir) await writeFile(join(options.reportDir, `server-${name}.log`), server.stderr());
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Lines the server logged at level error or fatal (an unhandled error is one, even if the answer was fine). */
function loggedErrors(server) {
  return server.stderr().split("\n").filter((line) => /"level":(50|60)/.test(line));
}

/** Parses schemathesis' closing summary ("Test cases: 1234 generated, 1234 passed", "N failures", …). */
function countsFrom(output) {
  const number = (pattern) => {
    const match = pattern.exec(output);
    return match ? Number(match[1]) : null;
  };
  const cases = number(/Test cases:\s*\n?\s*(\d+) generated/) ?? number(/(\d+) generated/);
  const failures = number(/(\d+) unique failures?/) ?? number(/Failures:\s*(\d+)/) ?? 0;
  const errors = number(/(\d+) errors?\b/) ?? 0;
  return { cases, failures, errors };
}

async function main() {
  const { values } = parseArgs({
    options: {
      install: { type: "boolean" },
      examples: { type: "string" },
      workers: { type: "string" },
      seed: { type: "string" },
      "max-steps": { type: "string" },
      "report-dir": { type: "string" },
      only: { type: "string" },
      checks: { type: "string" },
    },
  });
  if (values.install) return installSchemathesis();
  if (!schemathesisInstalled()) {
    console.error(INSTALL_HINT);
    console.log(`FUZZ SUMMARY ${JSON.stringify({ ok: false, missing: true, hint: INSTALL_HINT })}`);
    process.exitCode = 2;
    return;
  }
  if (!existsSync(SERVER_BIN)) throw new Error(`${SERVER_BIN} is missing: run \`npm run build\` first`);
  const examples = Number(values.examples ?? process.env.KEYWARD_FUZZ_EXAMPLES ?? 25);
  // One worker per run (the two runs go side by side): schemathesis' coverage phase calls ast.parse, which
  // CPython 3.11 doesn't make thread-safe ("AST constructor recursion depth mismatch" with several workers).
  const workers = Number(values.workers ?? 1);
  const seed = values.seed !== undefined ? Number(values.seed) : undefined;
  const maxSteps = Number(values["max-steps"] ?? 10);
  const reportDir = values["report-dir"];
  if (reportDir) await mkdir(reportDir, { recursive: true });

  const started = Date.now();
  const operations = await operationsByCredential();
  const checks = values.checks ? values.checks.split(",") : ["all"];
  const options = { examples, workers, seed, maxSteps, reportDir, checks };
  const plans = [
    { name: "key", credential: "key", operations: operations.key },
    { name: "admin", credential: "admin", operations: operations.admin },
  ].filter((plan) => !values.only || plan.name === values.only);
  for (const plan of plans) console.log(`schemathesis ${plan.name} run: ${plan.operations.length} operations, ${examples} examples each`);
  const runs = await Promise.all(plans.map((plan) => fuzzRun({ ...plan, options })));
  for (const run of runs) {
    console.log(`\n── schemathesis: ${run.name} run ──\n${run.output}`);
    if (run.serverErrors.length > 0) console.error(`The server of the ${run.name} run logged ${run.serverErrors.length} error(s):\n${run.serverErrors.slice(0, 5).join("\n")}`);
    delete run.output;
  }
  const ok = runs.every((run) => run.exit === 0 && run.failures === 0 && run.errors === 0 && run.serverErrors.length === 0);
  for (const run of runs) run.serverErrors = run.serverErrors.length;
  const summary = { ok, examples, seconds: Math.round((Date.now() - started) / 1000), runs };
  console.log(`\nFUZZ SUMMARY ${JSON.stringify(summary)}`);
  process.exitCode = ok ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
