// `npm run bench:scale`: the embedded store against PostgreSQL, side by side in one run (issue 9).
// 1. Key creation with 50 concurrent clients at 1k, 10k and 100k stored keys: keys/s, p50/p99 latency.
// 2. Key verification requests/s and server CPU per request (POST /v1/keys/verify, autocannon on CPU 0, 50
//    connections; servers pinned to CPU 1 as in bench:auth) on a PostgreSQL-backed
//    replica and a lowdb-backed server, alternating rounds.
// 3. Propagation between two PostgreSQL replicas: create on A → allowed on B; revoke on A → refused on B.
// 4. Memory a replica holds per 100k keys (heap, after GC).
// Targets: PostgreSQL creation at 100k ≥ 300/s and ≥ 0.7× its 1k rate; verification ≥ 0.95× lowdb;
// propagation p99 ≤ 1 s. Exits non-zero when one is missed. Creation also reports CPU time per key, of the server
// process and of the PostgreSQL cluster, which a shared machine disturbs far less than the rate. Tunables:
// BENCH_LEVELS (1000,10000,100000), BENCH_CREATES (1000 per level, after BENCH_WARMUP = 200 not counted on the
// freshly started server, as the verification rounds get a warm-up), BENCH_CLIENTS (50), BENCH_ROUNDS (4),
// BENCH_ROUND_S (5), BENCH_PROPAGATIONS (50), BENCH_PG_PORT (55433); BENCH_ONLY=creation-postgres measures
// PostgreSQL creation alone.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { LowdbStore, PostgresStore } from "@keyward/server";
import autocannon from "autocannon";
import { startPostgres } from "../postgres.js";
import { call, integration, type Replica, startReplica, verifyOn, waitFor } from "../replicas.js";

const LEVELS = (process.env.BENCH_LEVELS ?? "1000,10000,100000").split(",").map(Number);
const CREATES = Number(process.env.BENCH_CREATES ?? 1000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const ROUND_S = Number(process.env.BENCH_ROUND_S ?? 5);
const PROPAGATIONS = Number(process.env.BENCH_PROPAGATIONS ?? 50);
const ONLY_CREATION_POSTGRES = process.env.BENCH_ONLY === "creation-postgres";

type StoreName = "postgres" | "lowdb";
const log = (text: string) => console.log(text);
const step = (text: string) => console.log(`▸ ${text}`);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

const dir = mkdtempSync(join(tmpdir(), "keyward-bench-scale-"));
const cluster = await startPostgres({
  port: Number(process.env.BENCH_PG_PORT ?? 55433),
  progress: (text) => step(`PostgreSQL: ${text}`),
});
const database = `keyward_bench_${Date.now()}`;
const databaseUrl = await cluster.createDatabase(database);
const dataFile = join(dir, "keyward.json");
const where = (store: StoreName) => ({ name: store, dataFile, ...(store === "postgres" && { databaseUrl }) });

interface Fixture {
  server: Replica;
  adminToken: string;
  ownerId: string;
  verifyToken: string;
  stored: number;
}
const fixtures = new Map<StoreName, Fixture>();
interface CreationResult {
  rate: number;
  p50: number;
  p99: number;
  /** CPU time per creation (ms) of the server process, the PostgreSQL cluster (postmaster and children) and the 50 clients (this process). */
  serverCpu: number;
  postgresCpu: number;
  clientCpu: number;
}
const creation: Record<StoreName, Array<{ level: number } & CreationResult>> = {
  postgres: [],
  lowdb: [],
};

/** Writes keys straight through the storage port (server stopped) until `target` are stored. */
async function preload(store: StoreName, owner: string, stored: number, target: number): Promise<number> {
  if (target <= stored) {
    return stored;
  }
  const port = store === "postgres" ? await PostgresStore.open(databaseUrl) : await LowdbStore.open(dataFile);
  const now = new Date().toISOString();
  for (let done = stored; done < target; ) {
    const batch = Math.min(10_000, target - done);
    await port.transaction(async (tx) => {
      for (let index = 0; index < batch; index++) {
        const number = await tx.nextKeyNumber();
        const id = `key_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x").slice(0, 16)}`;
        await tx.keys.put({
          id,
          number,
          name: `preloaded ${number}`,
          description: "",
          user_id: owner,
          created_by: "bench",
          created_at: now,
          updated_at: now,
          expires_at: null,
          active: true,
          disabled_reason: null,
          prefix: "kw_preload",
          permissions: [{ resource: "events", actions: ["read"] }],
          preset: "events_read",
          allowed_ips: [],
          revoked_at: null,
          token_hash: randomBytes(32).toString("hex"),
          previous_token_hash: null,
          previous_token_expires_at: null,
          inactivity_since: now,
        } as never);
      }
    });
    done += batch;
  }
  await port.close();
  if (store === "postgres") {
    // What an operator does after a bulk load: otherwise autovacuum and autoanalyze of the 90k new rows start at a
    // moment of their choosing, often inside the measurement (0.4 ms of PostgreSQL CPU per key more at 100k).
    await cluster.sql("VACUUM ANALYZE", database);
  }
  return target;
}

/** CPU time (ms) a process has used (utime + stime), with that of its reaped children when `children`. */
function cpuMs(pid: number, children = false): number {
  try {
    // The fields after the command name, which may hold spaces: utime is field 14 of /proc/<pid>/stat.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    const ticks = fields.slice(11, children ? 15 : 13).reduce((sum, value) => sum + Number(value), 0);
    return ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return 0; // exited meanwhile
  }
}

const cpuUsageMs = ({ user, system }: NodeJS.CpuUsage) => (user + system) / 1000;

/** CPU time (ms) of the benchmark's PostgreSQL: the postmaster, its live backends, and those already ended. */
function postgresCpuMs(): number {
  const postmaster = Number(readFileSync(join(cluster.root, "data", "postmaster.pid"), "utf8").split("\n")[0]);
  let total = cpuMs(postmaster, true);
  for (const entry of readdirSync("/proc")) {
    if (/^\d+$/.test(entry)) {
      try {
        const ppid = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.split(" ")[1]);
        if (ppid === postmaster) {
          total += cpuMs(Number(entry));
        }
      } catch {
        // exited meanwhile
      }
    }
  }
  return total;
}

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

/**
 * POST over a kept-alive node:http connection, for the creation clients: with fetch (undici) the 50 clients in this
 * process spent 1.1–1.5 ms of CPU per request, more than the server spent creating the key, on the same two cores,
 * so the figure measured the clients as much as the store; node:http costs them 0.2–0.3 ms.
 */
function post(url: string, token: string, path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const data = JSON.stringify(body);
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        host: hostname,
        port,
        path,
        method: "POST",
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(data),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString("utf8")) }),
        );
        response.on("error", reject);
      },
    );
    sent.on("error", reject);
    sent.end(data);
  });
}

async function measureCreation(fixture: Fixture, store: StoreName, creates = CREATES): Promise<CreationResult> {
  const latencies: number[] = [];
  let next = 0;
  const serverCpuBefore = cpuMs(fixture.server.pid);
  const postgresCpuBefore = store === "postgres" ? postgresCpuMs() : 0;
  const clientCpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < creates) {
        const index = next++;
        const sent = performance.now();
        const reply = await post(fixture.server.url, fixture.adminToken, "/v1/api-keys", {
          name: `bench ${index}`,
          user_id: fixture.ownerId,
          preset: "events_read",
        });
        if (reply.status !== 201) {
          throw new Error(`creation answered ${reply.status}: ${JSON.stringify(reply.json)}`);
        }
        latencies.push(performance.now() - sent);
      }
    }),
  );
  return {
    rate: creates / ((performance.now() - started) / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    serverCpu: (cpuMs(fixture.server.pid) - serverCpuBefore) / creates,
    postgresCpu: store === "postgres" ? (postgresCpuMs() - postgresCpuBefore) / creates : 0,
    clientCpu: cpuUsageMs(process.cpuUsage(clientCpuBefore)) / creates,
  };
}

const cannon = (fixture: Fixture, seconds = ROUND_S) =>
  new Promise<{ rps: number; non2xx: number }>((resolve, reject) =>
    autocannon(
      {
        url: `${fixture.server.url}/v1/keys/verify`,
        method: "POST",
        headers: { authorization: `Bearer ${fixture.adminToken}`, "content-type": "application/json" },
        body: JSON.stringify({ token: fixture.verifyToken, resource: "events", action: "read" }),
        connections: 50,
        duration: seconds,
      },
      (error, result) => (error ? reject(error) : resolve({ rps: result.requests.average, non2xx: result.non2xx })),
    ),
  );

function formatCreation(result: CreationResult): string {
  const cpu = `CPU ms/key: server ${result.serverCpu.toFixed(2)}, PostgreSQL ${result.postgresCpu.toFixed(2)}, clients ${result.clientCpu.toFixed(2)}`;
  return `${result.rate.toFixed(0)} keys/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${cpu}`;
}

/**
 * Pins the servers to CPU 1 and this process (autocannon) to CPU 0 for the verification rounds, as bench:auth does:
 * unpinned, the scheduler's placement of four busy processes on two cores decided the ratio from round to round.
 * Returns a function that lifts the pinning. No-op on one core.
 */
function pinForVerification(): () => void {
  if (availableParallelism() < 2) {
    return () => {};
  }
  const servers = [...fixtures.values()].map((fixture) => String(fixture.server.pid));
  const pin = (cpus: string, pid: string) => execFileSync("taskset", ["-cp", cpus, pid], { stdio: "ignore" });
  for (const pid of servers) {
    pin("1", pid);
  }
  pin("0", String(process.pid));
  return () => {
    for (const pid of [...servers, String(process.pid)]) {
      pin(`0-${availableParallelism() - 1}`, pid);
    }
  };
}

/** Verification req/s on both servers (pinned), alternating rounds, with the server's CPU time per request. */
async function measureVerification(): Promise<Record<StoreName, number[]>> {
  const verification: Record<StoreName, number[]> = { postgres: [], lowdb: [] };
  const unpin = pinForVerification();
  step("verification warm-up on both servers (not counted; servers on CPU 1, autocannon on CPU 0)");
  for (const store of ["postgres", "lowdb"] as const) {
    await cannon(fixtures.get(store)!, 2);
  }
  for (let round = 1; round <= ROUNDS; round++) {
    // Alternating which store goes first, so a drift of the machine's load hits both alike.
    const order = round % 2 ? (["postgres", "lowdb"] as const) : (["lowdb", "postgres"] as const);
    for (const store of order) {
      step(`verification round ${round}/${ROUNDS} on ${store} (${ROUND_S} s, 50 connections)`);
      const fixture = fixtures.get(store)!;
      const cpuBefore = cpuMs(fixture.server.pid);
      const result = await cannon(fixture);
      if (result.non2xx > 0) {
        throw new Error(`${store}: ${result.non2xx} verifications were not 2xx`);
      }
      verification[store].push(result.rps);
      const cpuPerRequest = ((cpuMs(fixture.server.pid) - cpuBefore) * 1000) / (result.rps * ROUND_S);
      log(
        `  ${result.rps.toFixed(0)} req/s, server CPU ${cpuPerRequest.toFixed(0)} µs/req (load ${loadavg()[0]!.toFixed(1)})`,
      );
    }
  }
  unpin();
  return verification;
}

/** Creation on replica A to allowed on B, revocation on A to refused on B (ms). */
async function measurePropagation(): Promise<number[]> {
  step(`propagation between two PostgreSQL replicas (${PROPAGATIONS} creations and revocations)`);
  const a = fixtures.get("postgres")!;
  const b = await startReplica({ name: "postgres-b", dataFile, databaseUrl });
  const propagation: number[] = [];
  try {
    for (let index = 0; index < PROPAGATIONS; index++) {
      const key = await call(a.server.url, a.adminToken, "POST", "/v1/api-keys", {
        name: `propagation ${index}`,
        user_id: a.ownerId,
        preset: "events_read",
      });
      const token = String(key.json.token);
      propagation.push(
        await waitFor(
          "created key on B",
          async () => (await verifyOn(b.url, a.adminToken, token)).json.allowed === true,
        ),
      );
      await call(a.server.url, a.adminToken, "DELETE", `/v1/api-keys/${String(key.json.id)}`);
      propagation.push(
        await waitFor(
          "revoked key on B",
          async () => (await verifyOn(b.url, a.adminToken, token)).json.allowed === false,
        ),
      );
    }
  } finally {
    await b.stop();
  }
  return propagation;
}

/** Heap a store holds per 100k keys (servers stopped). */
async function measureMemory(): Promise<Record<StoreName, number>> {
  for (const fixture of fixtures.values()) {
    await fixture.server.stop();
  }
  const memory: Record<StoreName, number> = { postgres: 0, lowdb: 0 };
  for (const store of ["postgres", "lowdb"] as const) {
    step(`${store}: heap held for ${fixtures.get(store)!.stored} keys`);
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const port = store === "postgres" ? await PostgresStore.open(databaseUrl) : await LowdbStore.open(dataFile);
    gc?.();
    memory[store] = ((process.memoryUsage().heapUsed - before) / fixtures.get(store)!.stored) * 100_000;
    await port.close();
    // Let the closed store's timers and listener end, so the next store is measured from a clean heap.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return memory;
}

const problems: string[] = [];
const check = (ok: boolean, text: string) => {
  log(`  ${ok ? "✔" : "✘"} ${text}`);
  if (!ok) {
    problems.push(text);
  }
};

try {
  for (const store of ONLY_CREATION_POSTGRES ? (["postgres"] as const) : (["postgres", "lowdb"] as const)) {
    step(`${store}: first start`);
    let server = await startReplica(where(store));
    const adminToken = server.adminToken!;
    const site = await integration(server.url, adminToken, `bench-${store}`);
    const fixture: Fixture = { server, adminToken, ownerId: site.userId, verifyToken: site.token, stored: 1 };
    fixtures.set(store, fixture);
    for (const level of LEVELS) {
      await server.stop();
      step(`${store}: preloading to ${level} keys`);
      fixture.stored = await preload(store, site.userId, fixture.stored, level);
      // The preload's garbage (a whole store's worth at 100k) is this process's, not the server's: collected now,
      // not by the clients during the measurement.
      (globalThis as { gc?: () => void }).gc?.();
      server = await startReplica(where(store));
      fixture.server = server;
      if (WARMUP > 0) {
        step(`${store}: ${WARMUP} creations to warm the new server up (not counted)`);
        await measureCreation(fixture, store, WARMUP);
        fixture.stored += WARMUP;
      }
      step(
        `${store}: ${CREATES} creations by ${CLIENTS} concurrent clients at ${fixture.stored} keys (load average ${loadavg()[0]?.toFixed(1)})`,
      );
      const result = await measureCreation(fixture, store);
      fixture.stored += CREATES;
      creation[store].push({ level, ...result });
      log(`  ${formatCreation(result)}`);
    }
  }

  const serving = ONLY_CREATION_POSTGRES
    ? undefined
    : {
        verification: await measureVerification(),
        propagation: await measurePropagation(),
        memory: await measureMemory(),
      };

  log("\nResults (keys/s, p50/p99 ms, CPU time per key, per stored-key level):");
  for (const store of ["postgres", "lowdb"] as const) {
    for (const row of creation[store]) {
      log(`  ${store.padEnd(8)} ${String(row.level).padStart(6)}: ${formatCreation(row)}`);
    }
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  // Each round measures both back to back: the per-round ratio cancels most of the machine's drift.
  const ratios = serving?.verification.postgres.map((rps, round) => rps / serving.verification.lowdb[round]!) ?? [];
  if (serving) {
    const { verification, propagation, memory } = serving;
    log(
      `  verification: postgres ${median(verification.postgres).toFixed(0)} req/s, lowdb ${median(verification.lowdb).toFixed(0)} req/s (medians); per-round ratios ${ratios.map((ratio) => ratio.toFixed(2)).join(", ")}`,
    );
    log(
      `  propagation: p50 ${percentile(propagation, 50).toFixed(1)} ms, p99 ${percentile(propagation, 99).toFixed(1)} ms`,
    );
    log(
      `  memory per 100k keys: postgres replica ${(memory.postgres / 1e6).toFixed(0)} MB, lowdb ${(memory.lowdb / 1e6).toFixed(0)} MB`,
    );
  }
  const pg = creation.postgres;
  const first = pg[0];
  const last = pg[pg.length - 1];
  log("\nTargets:");
  if (first && last) {
    check(last.rate >= 300, `PostgreSQL creation at ${last.level} keys ≥ 300/s (${last.rate.toFixed(0)})`);
    check(
      last.rate >= 0.7 * first.rate,
      `PostgreSQL creation at ${last.level} ≥ 0.7× at ${first.level} (${(last.rate / first.rate).toFixed(2)}×)`,
    );
  }
  if (serving) {
    const ratio = median(ratios);
    check(ratio >= 0.95, `verification on PostgreSQL ≥ 0.95× lowdb (median per-round ratio ${ratio.toFixed(2)}×)`);
    const p99 = percentile(serving.propagation, 99);
    check(p99 <= 1000, `propagation p99 ≤ 1 s (${p99.toFixed(1)} ms)`);
  }
} finally {
  agent.destroy();
  for (const fixture of fixtures.values()) {
    await fixture.server.stop();
  }
  await cluster.dropDatabase(database).catch(() => undefined);
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(`\n${problems.length} target(s) missed.`);
  process.exitCode = 1;
}
