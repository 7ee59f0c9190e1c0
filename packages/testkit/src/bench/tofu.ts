// `npm run bench:tofu`: what the Keyward provider (Node, packages/provider) costs a real OpenTofu/Terraform run,
// side by side with the core-only floor, the Go provider floor and the Go framework peer (issues 3 and 14):
//   keyward  an apply creating 10 roles, 10 users and 100 keys against a running Keyward server, then a no-op plan
//   data     120 `terraform_data` resources (built into the CLI: no provider process at all)
//   go       the keyward workload through bench/go-peer, a Go terraform-plugin-framework provider making the same
//            HTTP calls (the fair peer; built by ./go-peer.ts)
//   null     120 `null_resource` from hashicorp/null v3.2.4, a Go provider that makes no calls (the CLI's floor)
// and the cold start of the provider executable and the Go peer: spawned as the CLI does it (magic cookie,
// PLUGIN_PROTOCOL_VERSIONS=6, a client certificate in PLUGIN_CLIENT_CERT) until GetProviderSchema has answered over
// gRPC with mTLS. Every CLI runs with no `node` on its PATH, as users without Node.js run the provider.
//
// Same CLI, same -parallelism for every workload; rounds alternate the workloads (rotating their order) and the
// median is reported. Targets (issue 14): keyward apply and no-op plan ≤ 1.2× the Go peer and ≤ 1.5× null; cold
// start ≤ 60 ms. Exits non-zero when a target is missed.
//
// Tunables (environment): BENCH_ROUNDS (3), BENCH_PARALLELISM (10), BENCH_COLD_STARTS (15), BENCH_CLIENTS
// ("tofu,terraform": which CLI names to run; the first found per name), BENCH_ONLY=cold-start (skip the CLI runs),
// BENCH_NULL_SRC (a checkout of hashicorp/terraform-provider-null at v3.2.4 to build null from when it isn't
// cached and `go install` can't fetch it), BENCH_SKIP_BUILD=1 (use the provider mirror as it is).
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { createSelfSignedCert, MAGIC_COOKIE_VALUE, type SelfSignedCert } from "@keyward/tfplugin";
import { type Harness, startHarness } from "../harness.js";
import { cacheBin } from "../paths.js";
import { callEmpty, connectProvider, handshakeCertPem } from "../plugin.js";
import { runStep } from "../steps.js";
import {
  buildProvider,
  cliEnvironment,
  hostPlatform,
  mirrorDir,
  mirroredExecutable,
  providerVersion,
  requiredProviders,
  Workspace,
} from "../terraform.js";
import { findClients, openTofuStep, type TerraformClient } from "../tools/terraform-cli.js";
import { ensureGoPeer, goPeerMirror, goPeerRequiredProviders } from "./go-peer.js";

const run = promisify(execFile);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PARALLELISM = Number(process.env.BENCH_PARALLELISM ?? 10);
const COLD_STARTS = Number(process.env.BENCH_COLD_STARTS ?? 15);
const CLIENT_NAMES = (process.env.BENCH_CLIENTS ?? "tofu,terraform").split(",").map((name) => name.trim());
const RATIO_TARGET = 1.5;
const PEER_RATIO_TARGET = 1.2;
const COLD_START_TARGET_MS = 60;

// The peer. Its go.mod names `github.com/terraform-providers/terraform-provider-null` without a /v3 suffix, so its
// v3 tags are no valid module versions: `go install` takes the tag's commit (a pseudo-version) instead.
const NULL_VERSION = "3.2.4";
const NULL_COMMIT = "01034f80eb238732fd9e8673582e0e770cfab578"; // tag v3.2.4
const NULL_MODULE = "github.com/terraform-providers/terraform-provider-null";
const nullBinary = join(cacheBin, `terraform-provider-null_v${NULL_VERSION}`);

const log = (text = "") => console.log(text);
const problems: string[] = [];
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const loadavg = async () =>
  (await readFile("/proc/loadavg", "utf8").catch(() => "? ? ?")).split(" ").slice(0, 3).join(" ");
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// ── the CLI floor: hashicorp/null in a filesystem mirror ────────────────────────────────────────────────────────

async function ensureNullProvider(): Promise<string> {
  if (existsSync(nullBinary)) {
    return `cached ${nullBinary}`;
  }
  await mkdir(cacheBin, { recursive: true });
  const tmpBin = await mkdtemp(join(tmpdir(), "keyward-null-bin-"));
  try {
    try {
      await run("go", ["install", "-trimpath", `${NULL_MODULE}@${NULL_COMMIT}`], {
        env: { ...process.env, GOBIN: tmpBin },
        cwd: homedir(),
        timeout: 600_000,
      });
      await copyFile(join(tmpBin, "terraform-provider-null"), nullBinary);
      return `built with go install ${NULL_MODULE}@${NULL_COMMIT} (v${NULL_VERSION})`;
    } catch (caught) {
      const error = caught as Error & { stderr?: string };
      const source = process.env.BENCH_NULL_SRC;
      if (!source) {
        throw new Error(
          `Cannot get hashicorp/null: go install ${NULL_MODULE}@${NULL_COMMIT} failed:\n${error.stderr ?? error.message}\n` +
            `Set BENCH_NULL_SRC to a checkout of hashicorp/terraform-provider-null at v${NULL_VERSION} (dependencies come from the Go module proxy), ` +
            `or put the binary at ${nullBinary}.`,
        );
      }
      await run("go", ["build", "-trimpath", "-o", nullBinary, "."], { cwd: source, timeout: 600_000 });
      return `built with go build from ${source} (dependencies from the Go module proxy)`;
    }
  } finally {
    await rm(tmpBin, { recursive: true, force: true });
  }
}

/**
 * A mirror holding hashicorp/null under both registries' addresses, and a CLI config using only the mirrors: the
 * provider's, the Go peer's (`goPeerBlock`) and null's.
 */
async function writeCliConfig(dir: string, keywardMirror: string, goPeerBlock: string): Promise<string> {
  const nullMirror = join(dir, "null-mirror");
  for (const host of ["registry.terraform.io", "registry.opentofu.org"]) {
    const packageDir = join(nullMirror, host, "hashicorp", "null", NULL_VERSION, hostPlatform);
    await mkdir(packageDir, { recursive: true });
    const target = join(packageDir, `terraform-provider-null_v${NULL_VERSION}`);
    await copyFile(nullBinary, target);
    await chmod(target, 0o755);
  }
  const config = join(dir, "cli-config.tfrc");
  await writeFile(
    config,
    [
      "provider_installation {",
      `  filesystem_mirror {\n    path    = ${JSON.stringify(keywardMirror)}\n    include = ["keyward.dev/keyward/*"]\n  }`,
      goPeerBlock,
      `  filesystem_mirror {\n    path    = ${JSON.stringify(nullMirror)}\n    include = ["registry.terraform.io/hashicorp/null", "registry.opentofu.org/hashicorp/null"]\n  }`,
      "}",
      "",
    ].join("\n"),
  );
  return config;
}

// ── workloads ───────────────────────────────────────────────────────────────────────────────────────────────────

interface Workload {
  label: string;
  main(slug: string): string;
}
type WorkloadName = "keyward" | "go" | "data" | "null";
type Timings = { apply: number[]; plan: number[]; load: string[] };

/** 10 roles, 10 users, 100 keys; `providers` picks the provider that manages them. */
const keywardConfig = (slug: string, providers: string) => `${providers}
resource "keyward_role" "bench" {
  count       = 10
  name        = "bench-${slug}-\${count.index}"
  permissions = [{ resource = "events", actions = ["read"] }]
}

resource "keyward_integration_user" "bench" {
  count    = 10
  username = "bench-${slug}-\${count.index}"
  name     = "Benchmark user \${count.index}"
  role_ids = [keyward_role.bench[count.index].id]
}

resource "keyward_api_key" "bench" {
  count       = 100
  name        = "bench key \${count.index}"
  user_id     = keyward_integration_user.bench[count.index % 10].id
  permissions = [{ resource = "events", actions = ["read"] }]
}
`;

const workloads: Record<WorkloadName, Workload> = {
  keyward: {
    label: "keyward (10 roles, 10 users, 100 keys)",
    main: (slug) => keywardConfig(slug, requiredProviders),
  },
  go: {
    label: "Go framework peer (same resources and calls)",
    main: (slug) => keywardConfig(`go-${slug}`, goPeerRequiredProviders),
  },
  data: {
    label: "terraform_data ×120 (core only)",
    main: () => `resource "terraform_data" "bench" {
  count = 120
  input = count.index
}
`,
  },
  null: {
    label: `null_resource ×120 (Go hashicorp/null ${NULL_VERSION})`,
    main: () => `terraform {
  required_providers {
    null = { source = "hashicorp/null", version = "${NULL_VERSION}" }
  }
}

resource "null_resource" "bench" {
  count    = 120
  triggers = { index = count.index }
}
`,
  },
};

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

const workloadNames = Object.keys(workloads) as WorkloadName[];

async function benchClient(
  client: TerraformClient,
  keyward: Harness,
  cliConfig: string,
): Promise<Record<WorkloadName, Timings>> {
  const slug = `${client.name}-${client.version.replaceAll(".", "-")}`;
  const env = cliEnvironment(keyward, cliConfig);
  const spaces = {} as Record<WorkloadName, Workspace>;
  for (const name of workloadNames) {
    const workload = workloads[name];
    const dir = await mkdtemp(join(tmpdir(), `keyward-bench-${name}-`));
    const ws = new Workspace(client, dir, env);
    await ws.write(workload.main(slug));
    await ws.run(["init", "-input=false"]);
    spaces[name] = ws;
  }
  const flags = ["-input=false", `-parallelism=${PARALLELISM}`];
  const results = Object.fromEntries(
    workloadNames.map((name) => [name, { apply: [], plan: [], load: [] }]),
  ) as unknown as Record<WorkloadName, Timings>;
  const names = workloadNames;
  for (let round = 0; round < ROUNDS; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length] as WorkloadName);
    for (const name of order) {
      const ws = spaces[name];
      results[name].load.push(await loadavg());
      results[name].apply.push(await timed(() => ws.run(["apply", "-auto-approve", ...flags])));
      results[name].plan.push(await timed(() => ws.run(["plan", "-detailed-exitcode", ...flags], 0)));
      await ws.run(["destroy", "-auto-approve", ...flags]);
      log(
        `  ${client.name} ${client.version} round ${round + 1}/${ROUNDS} ${name.padEnd(7)} apply ${seconds(results[name].apply.at(-1) ?? 0)}` +
          `  plan ${seconds(results[name].plan.at(-1) ?? 0)}  (load ${results[name].load.at(-1)})`,
      );
    }
  }
  for (const ws of Object.values(spaces)) {
    await rm(ws.dir, { recursive: true, force: true });
  }
  return results;
}

// ── cold start ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Launch → handshake line → GetProviderSchema answered, as a go-plugin client does it; then Shutdown. */
interface ColdStart {
  handshakeMs: number;
  schemaMs: number;
}

/** How long one cold start may take before the bench gives up on it (it once hung with no limit). */
const COLD_START_TIMEOUT_MS = 15_000;

async function coldStart(executable: string, identity: SelfSignedCert, schema: boolean): Promise<ColdStart> {
  const started = performance.now();
  const child = spawn(executable, [], {
    stdio: ["ignore", "pipe", "ignore"],
    env: {
      ...process.env,
      TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE,
      PLUGIN_PROTOCOL_VERSIONS: schema ? "6" : "5,6",
      PLUGIN_CLIENT_CERT: identity.certPem,
      TF_LOG: "",
      TF_LOG_PROVIDER: "",
    },
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  let stage = "waiting for the handshake line";
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`cold start of ${executable}: no progress after ${COLD_START_TIMEOUT_MS} ms (${stage})`));
    }, COLD_START_TIMEOUT_MS);
  });
  const steps = async (): Promise<ColdStart> => {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once("line", resolve);
      exited.then((code) => reject(new Error(`${executable} exited (${code}) before the handshake`)));
    });
    const handshakeMs = performance.now() - started;
    const fields = line.split("|");
    const { call, raw } = connectProvider(fields[3] ?? "", handshakeCertPem(fields[5] ?? ""), identity);
    if (schema) {
      stage = "waiting for GetProviderSchema";
      await call("GetProviderSchema", {});
    }
    const schemaMs = performance.now() - started;
    stage = "waiting for the Shutdown answer";
    await callEmpty(raw, "/plugin.GRPCController/Shutdown").catch(() => {});
    raw.close();
    stage = "waiting for the process to exit after Shutdown";
    await exited;
    return { handshakeMs, schemaMs };
  };
  try {
    return await Promise.race([steps(), timedOut]);
  } finally {
    clearTimeout(timer);
    child.kill("SIGKILL");
  }
}

async function coldStarts(executable: string, count: number, schema = true) {
  const identity = createSelfSignedCert();
  await coldStart(executable, identity, schema); // warm the page cache
  const runs: ColdStart[] = [];
  for (let i = 0; i < count; i++) {
    runs.push(await coldStart(executable, identity, schema));
  }
  return {
    handshake: median(runs.map((r) => r.handshakeMs)),
    schema: median(runs.map((r) => r.schemaMs)),
    all: runs.map((r) => r.schemaMs),
  };
}

// ── the server's share ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * What each Keyward call costs seen from a client like the provider (node:http, keep-alive): the same calls a
 * keyward apply (POST role/user/key) and a no-op plan (GET key) make, one at a time and 10 at a time (the CLI's
 * -parallelism). null makes no calls at all; this is the part of the keyward (and Go peer) figures that is the
 * server's.
 */
async function serverLatency(keyward: Harness) {
  const agent = new HttpAgent({ keepAlive: true });
  const call = (method: string, path: string, body?: string) =>
    new Promise<{ ms: number; json: { id: string } }>((resolve, reject) => {
      const started = performance.now();
      const headers = {
        authorization: `Bearer ${keyward.adminToken}`,
        ...(body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {}),
      };
      const req = httpRequest(`${keyward.url}${path}`, { method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString();
          if ((res.statusCode ?? 0) >= 300) {
            reject(new Error(`${method} ${path}: ${res.statusCode} ${text}`));
          } else {
            resolve({ ms: performance.now() - started, json: text ? JSON.parse(text) : undefined });
          }
        });
      });
      req.on("error", reject);
      req.end(body);
    });
  const slug = `latency-${Date.now().toString(36)}`;
  const grants = [{ resource: "events", actions: ["read"] }];
  const role = await call("POST", "/v1/roles", JSON.stringify({ name: slug, permissions: grants }));
  const user = await call(
    "POST",
    "/v1/users",
    JSON.stringify({ username: slug, name: slug, role_ids: [role.json.id] }),
  );
  const created: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < 100; i++) {
    const key = await call(
      "POST",
      "/v1/api-keys",
      JSON.stringify({ name: `${slug}-${i}`, user_id: user.json.id, permissions: grants }),
    );
    created.push(key.ms);
    ids.push(key.json.id);
  }
  const reads: number[] = [];
  for (const id of ids) {
    reads.push((await call("GET", `/v1/api-keys/${id}`)).ms);
  }
  const queue = [...ids];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: PARALLELISM }, async () => {
      while (queue.length > 0) {
        await call("GET", `/v1/api-keys/${queue.shift()}`);
      }
    }),
  );
  const parallelReads = performance.now() - started;
  for (const id of ids) {
    await call("DELETE", `/v1/api-keys/${id}`);
  }
  agent.destroy();
  return { create: median(created), read: median(reads), parallelReads };
}

// ── main ────────────────────────────────────────────────────────────────────────────────────────────────────────

async function main() {
  log(`bench:tofu  node ${process.version}, ${ROUNDS} rounds, -parallelism=${PARALLELISM}, load ${await loadavg()}`);
  const executable =
    process.env.BENCH_SKIP_BUILD === "1"
      ? mirroredExecutable(mirrorDir, providerVersion(), hostPlatform)
      : (await buildProvider()).executable;
  log(`provider: ${executable}`);
  log(`peer: hashicorp/null ${NULL_VERSION}: ${await ensureNullProvider()}`);
  const goPeer = await ensureGoPeer();
  log(`peer: Go framework provider (bench/go-peer): ${goPeer}`);
  await runStep(openTofuStep);
  const found = await findClients();
  const clients = CLIENT_NAMES.flatMap((name) => found.find((client) => client.name === name) ?? []);
  if (clients.length === 0) {
    throw new Error(`no CLI among ${CLIENT_NAMES.join(", ")} found`);
  }

  log("");
  log(
    `cold start (spawn → GetProviderSchema answered over gRPC/mTLS), median of ${COLD_STARTS}  (load ${await loadavg()})`,
  );
  const keywardCold = await coldStarts(executable, COLD_STARTS);
  const goCold = await coldStarts(goPeer, COLD_STARTS);
  // hashicorp/null serves protocol 5 (tfplugin5.Provider), which the tfplugin test client doesn't speak: handshake only.
  const nullCold = await coldStarts(nullBinary, COLD_STARTS, false);
  const bareNode = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    bareNode.push(await timed(() => run(process.execPath, ["-e", ""])));
  }
  log(
    `  keyward: handshake ${keywardCold.handshake.toFixed(0)} ms, schema ${keywardCold.schema.toFixed(0)} ms  [${keywardCold.all.map((ms) => ms.toFixed(0)).join(" ")}]`,
  );
  log(
    `  go peer: handshake ${goCold.handshake.toFixed(0)} ms, schema ${goCold.schema.toFixed(0)} ms  [${goCold.all.map((ms) => ms.toFixed(0)).join(" ")}]`,
  );
  log(`  null:    handshake ${nullCold.handshake.toFixed(0)} ms (protocol 5: schema not asked)`);
  log(`  bare \`node -e ''\`: ${median(bareNode).toFixed(0)} ms`);

  if (process.env.BENCH_ONLY === "cold-start") {
    const ok = keywardCold.schema <= COLD_START_TARGET_MS;
    log(`  ${ok ? "✔" : "✘"} cold start ${keywardCold.schema.toFixed(0)} ms (≤ ${COLD_START_TARGET_MS} ms)`);
    process.exitCode = ok ? 0 : 1;
    return;
  }
  const work = await mkdtemp(join(tmpdir(), "keyward-bench-"));
  // Configured as in production: no response validation, which only tests turn on.
  const keyward = await startHarness({ validateResponses: false });
  const table: { client: TerraformClient; med: Record<WorkloadName, { apply: number; plan: number }> }[] = [];
  try {
    const cliConfig = await writeCliConfig(work, mirrorDir, await goPeerMirror(goPeer, join(work, "go-peer-mirror")));
    for (const client of clients) {
      log("");
      log(`${client.name} ${client.version} (${client.path})`);
      const results = await benchClient(client, keyward, cliConfig);
      const med = Object.fromEntries(
        workloadNames.map((name) => [name, { apply: median(results[name].apply), plan: median(results[name].plan) }]),
      ) as Record<WorkloadName, { apply: number; plan: number }>;
      table.push({ client, med });
    }
    log("");
    const server = await serverLatency(keyward);
    log(`Keyward server, per call from a keep-alive node:http client (load ${await loadavg()}):`);
    log(
      `  POST /v1/api-keys ${server.create.toFixed(2)} ms, GET /v1/api-keys/{id} ${server.read.toFixed(2)} ms (medians, one at a time);`,
    );
    log(
      `  100 GETs ${PARALLELISM} at a time: ${server.parallelReads.toFixed(0)} ms — a floor under the no-op plan's refresh that null does not have`,
    );
  } finally {
    await keyward.close();
    await rm(work, { recursive: true, force: true });
  }

  log("");
  log(`summary (medians of ${ROUNDS}, -parallelism=${PARALLELISM}; load now ${await loadavg()})`);
  const header = ["CLI", "workload", "apply", "no-op plan", "apply ×go", "plan ×go", "apply ×null", "plan ×null"];
  const rows: string[][] = [header];
  for (const { client, med } of table) {
    for (const name of workloadNames) {
      const { apply, plan } = med[name];
      rows.push([
        `${client.name} ${client.version}`,
        workloads[name].label,
        seconds(apply),
        seconds(plan),
        `${(apply / med.go.apply).toFixed(2)}×`,
        `${(plan / med.go.plan).toFixed(2)}×`,
        `${(apply / med.null.apply).toFixed(2)}×`,
        `${(plan / med.null.plan).toFixed(2)}×`,
      ]);
    }
  }
  const coldStartRow = (label: string, ms: number) => [
    "—",
    label,
    `${ms.toFixed(0)} ms`,
    ...header.slice(3).map(() => ""),
  ];
  rows.push(coldStartRow("keyward cold start (launch → schema)", keywardCold.schema));
  rows.push(coldStartRow("go peer cold start (launch → schema)", goCold.schema));
  rows.push(coldStartRow("null cold start (launch → handshake)", nullCold.handshake));
  const widths = header.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length)));
  for (const [i, row] of rows.entries()) {
    log(`| ${row.map((cell, j) => cell.padEnd(widths[j] ?? 0)).join(" | ")} |`);
    if (i === 0) {
      log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
    }
  }

  log("");
  log("targets");
  const check = (ok: boolean, text: string) => {
    log(`  ${ok ? "✔" : "✘"} ${text}`);
    if (!ok) {
      problems.push(text);
    }
  };
  for (const { client, med } of table) {
    const applyRatio = med.keyward.apply / med.null.apply;
    const planRatio = med.keyward.plan / med.null.plan;
    check(
      applyRatio <= RATIO_TARGET,
      `${client.name} ${client.version}: apply ${applyRatio.toFixed(2)}× null (≤ ${RATIO_TARGET}×)`,
    );
    check(
      planRatio <= RATIO_TARGET,
      `${client.name} ${client.version}: no-op plan ${planRatio.toFixed(2)}× null (≤ ${RATIO_TARGET}×)`,
    );
    const peerApply = med.keyward.apply / med.go.apply;
    const peerPlan = med.keyward.plan / med.go.plan;
    check(
      peerApply <= PEER_RATIO_TARGET,
      `${client.name} ${client.version}: apply ${peerApply.toFixed(2)}× the Go framework peer (≤ ${PEER_RATIO_TARGET}×)`,
    );
    check(
      peerPlan <= PEER_RATIO_TARGET,
      `${client.name} ${client.version}: no-op plan ${peerPlan.toFixed(2)}× the Go framework peer (≤ ${PEER_RATIO_TARGET}×)`,
    );
  }
  check(
    keywardCold.schema <= COLD_START_TARGET_MS,
    `cold start ${keywardCold.schema.toFixed(0)} ms (≤ ${COLD_START_TARGET_MS} ms)`,
  );
  if (problems.length > 0) {
    log(`\n${problems.length} target(s) missed`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
